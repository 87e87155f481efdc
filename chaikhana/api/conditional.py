"""ETags from what a post's answer is made of, so a revalidation is answered 304 before the
body is serialised (RFC 9110 §8.8.3, §13.1.2).

A post's answer changes only when one of these changes: its row (``version`` and
``updated_at`` move with every save), the pen name it is signed with, its terms (a renamed
tag does not touch the post), its blog's name, and the address it is served at. Everything
else the middleware hashes from the body (middleware._conditional), which it leaves alone
when an operation has set the ETag itself.
"""

from __future__ import annotations

import hashlib

from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified

from chaikhana.blogs.models import Post

# Bump when the shape of a post's answer (present.post) changes.
SHAPE = "post-1"


def post_etag(request: HttpRequest, post: Post) -> str:
    """The strong ETag of *post*'s answer; reads its terms (prefetched for the answer)."""
    prefetch_related_objects([post], "categories", "tags")
    parts = [
        SHAPE,
        request.get_host(),
        request.scheme,
        str(post.pk),
        str(post.version),
        post.updated_at.isoformat(),
        post.status,
        post.slug,
        post.byline or (post.author.pen_name if post.author else ""),
        post.blog.name,
        *(c.slug for c in post.categories.all()),
        "\x01",
        *(t.name for t in post.tags.all()),
    ]
    return '"' + hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:32] + '"'


def held(request: HttpRequest, etag: str) -> bool:
    """Whether the caller already holds *etag* (If-None-Match, weak comparison §13.1.2)."""
    wanted = [
        t.strip().removeprefix("W/") for t in request.headers.get("If-None-Match", "").split(",")
    ]
    return etag in wanted or "*" in wanted


def not_modified(etag: str) -> HttpResponse:
    response = HttpResponseNotModified()
    response["ETag"] = etag
    return response
