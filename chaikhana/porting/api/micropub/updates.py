"""Micropub §3.4.4 updates (JSON only): replace, add and delete, applied to a PostRequest."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from chaikhana.blogs.actions import PostRequest
from chaikhana.porting.api.micropub import entries
from chaikhana.porting.api.micropub.errors import invalid


def _values_map(operation: Any, name: str) -> dict[str, list[Any]]:
    """§3.4.4: replace and add are objects whose values are arrays (micropub.rocks 405)."""
    if not isinstance(operation, dict) or not all(isinstance(v, list) for v in operation.values()):
        raise invalid(_("“%(name)s” must be an object of arrays.") % {"name": name})
    return operation


def _replace(data: PostRequest, name: str, values: list[Any]) -> None:
    if name == "content":
        data.body_source = entries.content_html(values)
        data.body_format = "html"
    elif name == "name":
        data.title = entries.title_for(values, data.body_source)
    elif name == "category":
        data.tag_names = [entries.text_of(v) for v in values]
    elif name == "published":
        data.published_at = entries.read_published(values)
    elif name == "post-status":
        data.status = entries.read_status(values)
    # Other properties are not stored (see entries), so replacing them changes nothing.


def _delete_property(data: PostRequest, name: str) -> None:
    if name == "category":
        data.tag_names = []
    elif name == "content":
        data.body_source = ""
    elif name == "published":
        data.published_at = None


def apply_update(data: PostRequest, update: dict[str, Any]) -> PostRequest:
    if not update:
        raise invalid(_("An update needs replace, add or delete."))
    for name, values in _values_map(update.get("replace", {}), "replace").items():
        _replace(data, name, values)
    for name, values in _values_map(update.get("add", {}), "add").items():
        if name == "category":
            data.tag_names += [
                entries.text_of(v) for v in values if entries.text_of(v) not in data.tag_names
            ]
        elif name == "content":
            data.body_source += entries.content_html(values)
    deletion = update.get("delete", [])
    if isinstance(deletion, list) and all(isinstance(n, str) for n in deletion):
        for name in deletion:
            _delete_property(data, name)
    elif isinstance(deletion, dict):
        gone = {entries.text_of(v) for v in _values_map(deletion, "delete").get("category", [])}
        data.tag_names = [t for t in data.tag_names if t not in gone]
    else:
        raise invalid(_("“delete” must be an array of names or an object of arrays."))
    return data
