"""Rows as the API shows them. Authors are pen names (the byline) only: no username, no
account or member id, nothing that joins one blog's writer to her other blogs."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from chaikhana.blogs.models import Blog, Category, Membership, Post, Tag


def absolute(request: HttpRequest, path: str) -> str:
    return path if path.startswith(("http://", "https://")) else request.build_absolute_uri(path)


def blog(request: HttpRequest, b: Blog) -> dict[str, Any]:
    return {
        "name": b.name,
        "title": b.title,
        "tagline": b.tagline,
        "language": b.language,
        "url": absolute(request, b.get_absolute_url()),
        "feeds": {
            "rss": absolute(request, b.url("blogs:feed")),
            "atom": absolute(request, b.url("blogs:feed_atom")),
            "json": absolute(request, b.url("blogs:feed_json")),
        },
    }


def my_blog(request: HttpRequest, m: Membership) -> dict[str, Any]:
    return blog(request, m.blog) | {
        "role": m.role,
        "pen_name": m.pen_name,
        "visibility": m.blog.visibility,
    }


def byline(post: Post) -> str:
    """As the post page's byline: the name stored on the post, else the author's pen name."""
    return post.byline or (post.author.pen_name if post.author else "")


def post_item(request: HttpRequest, p: Post) -> dict[str, Any]:
    """A post as lists show it: no body (lists defer it, so it is never read)."""
    return {
        "id": p.pk,
        "blog": p.blog.name,
        "kind": p.kind,
        "title": p.title,
        "slug": p.slug,
        "url": absolute(request, p.get_absolute_url()),
        "author": byline(p),
        "status": p.status,
        "published_at": p.published_at,
        "updated_at": p.updated_at,
        "language": p.language,
        "excerpt": p.excerpt,
        "summary": p.summary,
        "categories": [c.slug for c in p.categories.all()],
        "tags": [t.name for t in p.tags.all()],
        "version": p.version,
    }


def post(request: HttpRequest, p: Post) -> dict[str, Any]:
    return post_item(request, p) | {"body_html": p.body_html}


def source_post(request: HttpRequest, p: Post) -> dict[str, Any]:
    return post(request, p) | {"body_source": p.body_source, "body_format": p.body_format}


def term(request: HttpRequest, t: Category | Tag) -> dict[str, Any]:
    return {"name": t.name, "slug": t.slug, "url": absolute(request, t.get_absolute_url())}
