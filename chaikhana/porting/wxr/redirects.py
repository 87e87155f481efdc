"""Old WordPress addresses of an imported blog → 301 to where the content lives now.

Looked up in ImportedItem only, never guessed: ``?p=N`` / ``?page_id=N`` / ``archives/N`` by
WordPress id; ``Y/m/d/slug/``, ``Y/m/slug/`` and ``slug/`` by post_name; ``category/a/b/`` and
``tag/x/`` by nicename; any other shape by the exact permalink path the export carried.

An old address leads only where its reader may go: each lookup is limited to the posts the
page it leads to would show her (``Post.objects.readable_by``), so a draft's or a private
post's new slug is never told to a stranger. The blog itself is checked by the caller
(``access_blog``).
"""

from __future__ import annotations

from urllib.parse import unquote

from django.db.models import QuerySet

from chaikhana.blogs.models import Blog, Category, Post, Tag
from chaikhana.porting.models import ImportedItem

Kind = ImportedItem.Kind


def _post_url(readable: QuerySet[Post], **lookup: object) -> str | None:
    row = (
        ImportedItem.objects.filter(kind=Kind.POST, post__in=readable, **lookup)
        .select_related("post")
        .first()
    )
    return row.post.get_absolute_url() if row and row.post else None


def by_wp_id(blog: Blog, readable: QuerySet[Post], wp_id: int) -> str | None:
    return _post_url(readable, blog=blog, wp_id=wp_id)


def by_post_name(blog: Blog, readable: QuerySet[Post], name: str) -> str | None:
    return _post_url(readable, blog=blog, wp_name=unquote(name))


def by_term(blog: Blog, kind: str, name: str) -> str | None:
    row = ImportedItem.objects.filter(blog=blog, kind=kind, key=unquote(name).lower()).first()
    model: type[Category] | type[Tag] = Category if kind == Kind.CATEGORY else Tag
    term = model.objects.filter(blog=blog, pk=row.object_id).first() if row else None
    return term.get_absolute_url() if term else None


def by_path(blog: Blog, readable: QuerySet[Post], path: str) -> str | None:
    """The post whose exported permalink was *path* (relative to the blog's root)."""
    path = unquote(path).strip("/")
    if target := _post_url(readable, blog=blog, old_path=path):
        return target
    parts = path.split("/")
    if len(parts) >= 2 and parts[0] in ("category", "tag"):
        return by_term(blog, Kind.CATEGORY if parts[0] == "category" else Kind.TAG, parts[-1])
    if len(parts) == 2 and parts[0] == "archives" and parts[1].isdigit():
        return by_wp_id(blog, readable, int(parts[1]))
    if parts and parts[0].isdigit() and not parts[-1].isdigit():
        return by_post_name(blog, readable, parts[-1])  # date-based: 2009/10/22/slug
    if len(parts) == 1:
        return by_post_name(blog, readable, parts[0])
    return None


def for_query(blog: Blog, readable: QuerySet[Post], params: dict[str, str]) -> str | None:
    """``?p=N``, ``?page_id=N``, ``?cat=``-less WordPress links on the blog's root."""
    for key in ("p", "page_id"):
        value = params.get(key, "")
        if value.isdigit():
            return by_wp_id(blog, readable, int(value))
    return None
