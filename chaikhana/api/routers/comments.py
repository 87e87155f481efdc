"""Approved comments of a post (public), and moderation of a blog's comments (a token with the
"comments" scope): comments' access helpers and moderation actions, as in the dashboard."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from chaikhana.api.auth import BearerToken, reader_of, require
from chaikhana.api.pagination import listing, page
from chaikhana.api.schemas import CommentOut, CommentPage
from chaikhana.blogs.access import MovedPost, access_public_post
from chaikhana.comments.access import access_blog_for_moderation, access_moderated_comment
from chaikhana.comments.actions.moderating import approve_comment, mark_comment_spam, trash_comment
from chaikhana.comments.models import Comment

public = Router(tags=["comments"])
manage = Router(tags=["comment moderation"], auth=BearerToken())


def _present(c: Comment, *, with_status: bool = False) -> dict[str, Any]:
    return {
        "id": c.pk,
        "post": c.post.slug,
        "author": c.shown_name,  # her pen name on this blog today, never an account name
        "created_at": c.created_at,
        "body_html": c.body_html,
        "parent": c.parent_id,
        "status": c.status if with_status else None,
    }


@public.get(
    "/blogs/{name}/posts/{slug}/comments",
    response=CommentPage,
    summary="A post's approved comments",
)
def post_comments(
    request: HttpRequest, name: str, slug: str, cursor: str | None = None, limit: int | None = None
) -> dict[str, Any]:
    user, blog, membership = reader_of(request, name)
    try:
        post = access_public_post(user, blog, membership, slug)
    except MovedPost as moved:
        post = moved.post
    found = Comment.objects.filter(post=post).approved().with_shown_names().select_related("post")
    items, next_url = page(request, found.defer("email", "body_source"), cursor=cursor, limit=limit)
    return listing([_present(c) for c in items], next_url)


@manage.get(
    "/manage/{name}/comments", response=CommentPage, summary="A blog's comments to moderate"
)
def queue(
    request: HttpRequest,
    name: str,
    status: str = Comment.Status.PENDING,
    cursor: str | None = None,
    limit: int | None = None,
) -> dict[str, Any]:
    blog, _membership = access_blog_for_moderation(require(request, "comments"), name)
    require(request, "comments", blog)
    found = (
        Comment.objects.for_blog(blog)
        .filter(status=status)
        .with_shown_names()
        .select_related("post")
    )
    items, next_url = page(request, found.defer("email"), cursor=cursor, limit=limit)
    return listing([_present(c, with_status=True) for c in items], next_url)


def _decide(request: HttpRequest, name: str, comment_id: int, decide: Any) -> dict[str, Any]:
    by = require(request, "comments")
    blog, _membership = access_blog_for_moderation(by, name)
    require(request, "comments", blog)
    comment = decide(comment=access_moderated_comment(blog, comment_id), by=by)
    fresh = Comment.objects.with_shown_names().select_related("post").get(pk=comment.pk)
    return _present(fresh, with_status=True)


@manage.post(
    "/manage/{name}/comments/{comment_id}/approve", response=CommentOut, summary="Approve a comment"
)
def approve(request: HttpRequest, name: str, comment_id: int) -> dict[str, Any]:
    return _decide(request, name, comment_id, approve_comment)


@manage.post(
    "/manage/{name}/comments/{comment_id}/spam",
    response=CommentOut,
    summary="Mark a comment as spam",
)
def spam(request: HttpRequest, name: str, comment_id: int) -> dict[str, Any]:
    return _decide(request, name, comment_id, mark_comment_spam)


@manage.post(
    "/manage/{name}/comments/{comment_id}/trash",
    response=CommentOut,
    summary="Move a comment to the trash",
)
def trash(request: HttpRequest, name: str, comment_id: int) -> dict[str, Any]:
    return _decide(request, name, comment_id, trash_comment)
