"""Keeping the search index true: one SearchDocument per post anyone may find.

Only published posts (and pages) are indexed; who may see which blog is decided when
searching (query.visible_documents), so a blog's visibility change needs no reindexing.
Every function is idempotent: run it twice, or late, and the index is the same.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db import transaction

from chaikhana.blogs.models import Blog, Post, PostQuerySet
from chaikhana.core.markup import html_to_text
from chaikhana.reading.search.backends import backend
from chaikhana.reading.search.models import SearchDocument

# Enough for a very long read; the index of one post stays far below PostgreSQL's 1 MB
# tsvector limit and a reindex of a network of long posts stays quick.
INDEXED_BODY_CHARS = 100_000
REINDEX_BATCH = 200


def searchable_posts() -> PostQuerySet:
    return Post.objects.published().only(
        "pk", "blog_id", "language", "title", "body_html", "status", "published_at"
    )


def document_for(post: Post) -> SearchDocument:
    body = html_to_text(post.body_html)[:INDEXED_BODY_CHARS]
    return SearchDocument(
        post=post, blog_id=post.blog_id, language=post.language, title=post.title, body=body
    )


@transaction.atomic
def index_post(*, post_id: int) -> bool:
    """Index the post if anyone may find it, else forget it. True if it is now indexed."""
    post = searchable_posts().filter(pk=post_id).first()
    if post is None:
        SearchDocument.objects.filter(pk=post_id).delete()
        backend().remove([post_id])
        return False
    document = document_for(post)
    document.save()
    backend().store([document])
    return True


@transaction.atomic
def forget_deleted_blog(*, blog_id: int) -> None:
    """After a blog is deleted (its documents went by cascade), drop what is left over."""
    if not Blog.objects.filter(pk=blog_id).exists():
        backend().prune()


def _batches(posts: PostQuerySet) -> Iterator[list[Post]]:
    batch: list[Post] = []
    for post in posts.order_by("pk").iterator(chunk_size=REINDEX_BATCH):
        batch.append(post)
        if len(batch) == REINDEX_BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


@transaction.atomic
def reindex_all() -> int:
    """Rebuild the whole index from the posts (the demo loads posts without signals)."""
    SearchDocument.objects.all().delete()
    backend().clear()
    indexed = 0
    for posts in _batches(searchable_posts()):
        documents = SearchDocument.objects.bulk_create([document_for(p) for p in posts])
        backend().store(documents)
        indexed += len(documents)
    return indexed


def index_is_empty() -> bool:
    return not SearchDocument.objects.exists()
