"""Our posts as ActivityStreams objects, and the activities that carry them.

A post is an ``Article`` (FEP-b2b8, long-form): ``name`` the title, ``summary`` the post's
summary, ``content`` the HTML we serve (sanitised at save), ``url`` the page, images and
sound of the post as ``attachment``, tags as ``Hashtag`` linking our tag pages. It is
attributed to the blog's actor: no pen name's account, no username.
"""

from __future__ import annotations

import html
import re
from typing import Any

from chaikhana.blogs.models import Post
from chaikhana.core.urls import absolute_url
from chaikhana.federation.actors import AS_PUBLIC, CONTEXT, actor_id, actor_url, reverse
from chaikhana.media.enclosures import enclosures_for
from chaikhana.media.models import MediaFile

# Sanitised bodies double-quote every attribute (nh3), so a value holds no '"'.
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r'\b(src|alt)="([^"]*)"')
MAX_IMAGES = 4  # Mastodon shows four


def post_id(post_pk: int) -> str:
    return absolute_url(reverse("federation:post", pk=post_pk))


def _images(body_html: str) -> list[dict[str, Any]]:
    found = []
    for tag in _IMG.findall(body_html)[:MAX_IMAGES]:
        attrs = {name: html.unescape(value) for name, value in _ATTR.findall(tag)}
        if attrs.get("src"):
            found.append(
                {"type": "Image", "url": absolute_url(attrs["src"]), "name": attrs.get("alt", "")}
            )
    return found


def _sound(post: Post) -> list[dict[str, Any]]:
    files = enclosures_for([post]).get(post.pk, [])
    return [
        {
            "type": "Audio" if f.kind == MediaFile.Kind.AUDIO else "Document",
            "mediaType": f.content_type,
            "url": absolute_url(f.url),
            "name": f.caption,
        }
        for f in files
    ]


def article(post: Post) -> dict[str, Any]:
    """The post as an Article (with its own @context, for serving alone)."""
    blog = post.blog
    page = absolute_url(post.get_absolute_url())
    tags = [
        {
            "type": "Hashtag",
            "name": f"#{tag.name.replace(' ', '')}",
            "href": absolute_url(blog.url("blogs:tag", slug=tag.slug)),
        }
        for tag in post.tags.all()
    ]
    return {
        "@context": CONTEXT,
        "id": post_id(post.pk),
        "type": "Article",
        "attributedTo": actor_id(blog),
        "name": post.title,
        "summary": post.summary,
        "content": post.body_html,
        "contentMap": {post.language: post.body_html},
        "mediaType": "text/html",
        "url": {"type": "Link", "mediaType": "text/html", "href": page},
        "published": post.published_at.isoformat() if post.published_at else None,
        "updated": post.updated_at.isoformat(),
        "to": [AS_PUBLIC],
        "cc": [actor_url(blog, "followers")],
        "tag": tags,
        "attachment": _images(post.body_html) + _sound(post),
        "sensitive": False,
    }


def wrap(kind: str, post: Post, obj: dict[str, Any], *, suffix: str) -> dict[str, Any]:
    """An activity of the blog's actor around *obj*, addressed as the object is."""
    inner = {k: v for k, v in obj.items() if k != "@context"}
    return {
        "@context": CONTEXT,
        "id": f"{post_id(post.pk)}#{suffix}",
        "type": kind,
        "actor": actor_id(post.blog),
        "published": obj.get("updated") or obj.get("published"),
        "to": [AS_PUBLIC],
        "cc": [actor_url(post.blog, "followers")],
        "object": inner,
    }


def create(post: Post) -> dict[str, Any]:
    return wrap("Create", post, article(post), suffix="create")


def update(post: Post) -> dict[str, Any]:
    return wrap("Update", post, article(post), suffix=f"update-{post.version}")


def delete(*, post_pk: int, blog_actor: str, followers: str) -> dict[str, Any]:
    """Delete with a Tombstone: made from ids alone, since the post may be gone."""
    ident = post_id(post_pk)
    return {
        "@context": CONTEXT,
        "id": f"{ident}#delete",
        "type": "Delete",
        "actor": blog_actor,
        "to": [AS_PUBLIC],
        "cc": [followers],
        "object": {"id": ident, "type": "Tombstone"},
    }
