"""Writing through the API: her posts and pages, with the dashboard's rules and actions.

Every write is one of blogs' post actions (``save_requested_post`` for a create or an edit
with its status, the status actions for publish and schedule, ``delete_post``,
``restore_revision``); every read goes through ``access_blog_as_member``/``access_post``, so a
colleague's draft is a 404 and a post she may not change a 403, as in the dashboard.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router
from ninja import Status as Created

from chaikhana.api import present
from chaikhana.api.auth import BearerToken, require
from chaikhana.api.pagination import listing, page
from chaikhana.api.problems import Problem, field_error
from chaikhana.api.schemas import (
    PostIn,
    PostPage,
    PostPatch,
    RevisionOut,
    ScheduleIn,
    SourcePostOut,
    Status,
)
from chaikhana.blogs.access import access_blog_as_member, access_post, dashboard_posts
from chaikhana.blogs.actions.posts import (
    PostRequest,
    delete_post,
    publish_post,
    restore_revision,
    save_requested_post,
    schedule_post,
)
from chaikhana.blogs.models import Blog, Category, Membership, Post, Revision

router = Router(tags=["my posts"], auth=BearerToken())

STATUSES: dict[str, str] = {
    "draft": Post.Status.DRAFT,
    "pending": Post.Status.PENDING,
    "publish": Post.Status.PUBLISHED,
    "private": Post.Status.PRIVATE,
}


def writer_blog(request: HttpRequest, name: str, scope: str) -> tuple[Blog, Membership]:
    """Her blog *name*, if the token has *scope* and reaches it (the portal is refused)."""
    user = require(request, scope)
    blog, membership = access_blog_as_member(user, name)
    require(request, scope, blog)
    return blog, membership


def _post(request: HttpRequest, name: str, post_id: int, scope: str, *, for_edit: bool) -> Post:
    blog, _membership = writer_blog(request, name, scope)
    return access_post(require(request, scope), blog, post_id, for_edit=for_edit)


def _categories(blog: Blog, slugs: list[str]) -> list[Category]:
    found = list(Category.objects.for_blog(blog).filter(slug__in=slugs))
    missing = sorted(set(slugs) - {c.slug for c in found})
    if missing:
        detail = _("This blog has no category “%(slug)s”.") % {"slug": missing[0]}
        raise Problem("invalid-input", 422, detail, errors=[field_error("categories", detail)])
    return found


def _status(status: Status | None, post: Post | None) -> str:
    if status is None:
        return post.status if post is not None else Post.Status.DRAFT
    return STATUSES[status]


@router.get(
    "/manage/{name}/posts", response=PostPage, summary="Posts and pages I may see in the dashboard"
)
def my_posts(
    request: HttpRequest,
    name: str,
    cursor: str | None = None,
    limit: int | None = None,
    status: str | None = None,
) -> dict[str, Any]:
    blog, membership = writer_blog(request, name, "read")
    found = Post.objects.filter(dashboard_posts(require(request, "read"), blog, membership))
    if status:
        found = found.filter(status=status)
    items, next_url = page(
        request, found.for_listing().defer("body_html"), cursor=cursor, limit=limit
    )
    return listing([present.post_item(request, p) for p in items], next_url)


@router.post("/manage/{name}/posts", response={201: SourcePostOut}, summary="Write a post or page")
def create(request: HttpRequest, name: str, payload: PostIn) -> Created[Any]:
    blog, _membership = writer_blog(request, name, "posts")
    wanted = PostRequest(
        title=payload.title,
        body_source=payload.body,
        body_format=payload.body_format,
        excerpt=payload.excerpt,
        slug=payload.slug,
        language=payload.language or blog.language,
        categories=_categories(blog, payload.categories),
        tag_names=payload.tags,
        status=_status(payload.status, None),
        published_at=payload.published_at,
        kind=payload.kind,
    )
    post = save_requested_post(blog=blog, by=require(request, "posts"), request=wanted)
    return Created(201, present.source_post(request, post))


@router.get(
    "/manage/{name}/posts/{post_id}",
    response=SourcePostOut,
    summary="One of my posts, with its source",
)
def detail(request: HttpRequest, name: str, post_id: int) -> dict[str, Any]:
    return present.source_post(request, _post(request, name, post_id, "read", for_edit=False))


@router.patch("/manage/{name}/posts/{post_id}", response=SourcePostOut, summary="Edit a post")
def edit(request: HttpRequest, name: str, post_id: int, payload: PostPatch) -> dict[str, Any]:
    post = _post(request, name, post_id, "posts", for_edit=True)
    wanted = PostRequest.of(post)
    changes = payload.model_dump(exclude_unset=True)
    simple = {
        "title": "title",
        "body": "body_source",
        "body_format": "body_format",
        "excerpt": "excerpt",
        "slug": "slug",
        "language": "language",
    }
    for field, attr in simple.items():
        if field in changes and changes[field] is not None:
            setattr(wanted, attr, changes[field])
    if payload.categories is not None:
        wanted.categories = _categories(post.blog, payload.categories)
    if payload.tags is not None:
        wanted.tag_names = payload.tags
    wanted.status = _status(payload.status, post)
    if "published_at" in changes:
        wanted.published_at = payload.published_at
    by = require(request, "posts")
    saved = save_requested_post(
        blog=post.blog, by=by, request=wanted, post=post, base_version=payload.version
    )
    return present.source_post(request, saved)


@router.post(
    "/manage/{name}/posts/{post_id}/publish", response=SourcePostOut, summary="Publish now"
)
def publish(request: HttpRequest, name: str, post_id: int) -> dict[str, Any]:
    post = _post(request, name, post_id, "posts", for_edit=True)
    return present.source_post(request, publish_post(post=post, by=require(request, "posts")))


@router.post(
    "/manage/{name}/posts/{post_id}/schedule", response=SourcePostOut, summary="Publish later"
)
def schedule(request: HttpRequest, name: str, post_id: int, payload: ScheduleIn) -> dict[str, Any]:
    post = _post(request, name, post_id, "posts", for_edit=True)
    saved = schedule_post(post=post, by=require(request, "posts"), at=payload.at)
    return present.source_post(request, saved)


@router.delete("/manage/{name}/posts/{post_id}", response={204: None}, summary="Delete a post")
def delete(request: HttpRequest, name: str, post_id: int) -> Created[Any]:
    post = _post(request, name, post_id, "posts", for_edit=True)
    delete_post(post=post, by=require(request, "posts"))
    return Created(204, None)


@router.get(
    "/manage/{name}/posts/{post_id}/revisions",
    response=list[RevisionOut],
    summary="A post's revisions",
)
def revisions(request: HttpRequest, name: str, post_id: int) -> list[dict[str, Any]]:
    post = _post(request, name, post_id, "read", for_edit=True)
    me = require(request, "read")
    return [
        {
            "id": r.pk,
            "kind": r.kind,
            "title": r.title,
            "created_at": r.created_at,
            "post_version": r.post_version,
            "mine": r.user_id == me.pk,
        }
        for r in post.revisions.order_by("-created_at", "-pk")
    ]


@router.post(
    "/manage/{name}/posts/{post_id}/revisions/{revision_id}/restore",
    response=SourcePostOut,
    summary="Restore a revision",
)
def restore(request: HttpRequest, name: str, post_id: int, revision_id: int) -> dict[str, Any]:
    post = _post(request, name, post_id, "posts", for_edit=True)
    revision = Revision.objects.filter(post=post, pk=revision_id).first()
    if revision is None:
        raise Problem("not-found", 404, _("This post has no such revision."))
    return present.source_post(
        request, restore_revision(revision=revision, by=require(request, "posts"))
    )
