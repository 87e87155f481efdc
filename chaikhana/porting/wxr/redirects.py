"""Old WordPress addresses of an imported blog → 301 to where the content lives now.

Looked up in ImportedItem only, never guessed: ``?p=N`` / ``?page_id=N`` / ``archives/N`` by
WordPress id; ``Y/m/d/slug/``, ``Y/m/slug/`` and ``slug/`` by post_name; ``category/a/b/`` and
``tag/x/`` by nicename; any other shape by the exact permalink path the export carried.
"""

from __future__ import annotations

from urllib.parse import unquote

from chaikhana.blogs.models import Blog, Category, Tag
from chaikhana.porting.models import ImportedItem

Kind = ImportedItem.Kind


def by_wp_id(blog: Blog, wp_id: int) -> str | None:
    row = (
        ImportedItem.objects.filter(blog=blog, kind=Kind.POST, wp_id=wp_id)
        .select_related("post")
        .first()
    )
    return row.post.get_absolute_url() if row and row.post else None


def by_post_name(blog: Blog, name: str) -> str | None:
    row = (
        ImportedItem.objects.filter(blog=blog, kind=Kind.POST, wp_name=unquote(name))
        .select_related("post")
        .first()
    )
    return row.post.get_absolute_url() if row and row.post else None


def by_term(blog: Blog, kind: str, name: str) -> str | None:
    row = ImportedItem.objects.filter(blog=blog, kind=kind, key=unquote(name).lower()).first()
    model: type[Category] | type[Tag] = Category if kind == Kind.CATEGORY else Tag
    term = model.objects.filter(blog=blog, pk=row.object_id).first() if row else None
    return term.get_absolute_url() if term else None


def by_path(blog: Blog, path: str) -> str | None:
    """The post whose exported permalink was *path* (relative to the blog's root)."""
    path = unquote(path).strip("/")
    row = (
        ImportedItem.objects.filter(blog=blog, kind=Kind.POST, old_path=path)
        .select_related("post")
        .first()
    )
    if row and row.post:
        return row.post.get_absolute_url()
    parts = path.split("/")
    if len(parts) >= 2 and parts[0] in ("category", "tag"):
        return by_term(blog, Kind.CATEGORY if parts[0] == "category" else Kind.TAG, parts[-1])
    if len(parts) == 2 and parts[0] == "archives" and parts[1].isdigit():
        return by_wp_id(blog, int(parts[1]))
    if parts and parts[0].isdigit() and not parts[-1].isdigit():
        return by_post_name(blog, parts[-1])  # date-based: 2009/10/22/slug, 2009/10/slug
    if len(parts) == 1:
        return by_post_name(blog, parts[0])
    return None


def for_query(blog: Blog, params: dict[str, str]) -> str | None:
    """``?p=N``, ``?page_id=N``, ``?cat=``-less WordPress links on the blog's root."""
    for key in ("p", "page_id"):
        value = params.get(key, "")
        if value.isdigit():
            return by_wp_id(blog, int(value))
    return None
