"""Where a file is used: the blog's posts whose text mentions one of its stored names."""

from __future__ import annotations

from chaikhana.blogs.models import Post
from chaikhana.blogs.models.post import PostQuerySet
from chaikhana.media.models import MediaFile


def posts_using(media: MediaFile) -> PostQuerySet:
    """One query: the original and every rendition share the random token in their names."""
    return (
        Post.objects.for_blog(media.blog)
        .filter(body_source__contains=media.token)
        .only("pk", "title", "status", "slug", "blog_id", "published_at")
        .order_by("-pk")
    )
