"""The Movable Type methods (mt.*) desktop editors call beside MetaWeblog, and WordPress's
revision methods (wp.getRevisions, wp.restoreRevision), as WordPress answers them.

MarsEdit and Open Live Writer ask mt.supportedMethods, then list categories with
mt.getCategoryList, set them with mt.setPostCategories after metaWeblog.newPost, and may
publish with mt.publishPost. Every write goes through blogs' actions (save_requested_post,
restore_revision); nothing here names a person: authors are pen names.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from chaikhana.blogs.access import dashboard_posts
from chaikhana.blogs.actions import PostRequest, restore_revision, save_requested_post
from chaikhana.blogs.models import Category, Post, Revision
from chaikhana.porting.api import lookup, structs
from chaikhana.porting.api.faults import as_int, as_struct, method, sign_in, wrong
from chaikhana.porting.api.saving import guard_publishing
from chaikhana.writing.access import access_revision

MAX_TITLES = 100


@method("mt.supportedTextFilters")
def supported_text_filters(request: HttpRequest) -> list[dict[str, str]]:
    # WordPress offers none: the post's HTML is stored as sent (and sanitised at save).
    return []


@method("mt.getCategoryList")
def get_category_list(
    request: HttpRequest, blog_id: Any, username: Any, password: Any
) -> list[dict[str, str]]:
    user = sign_in(request, username, password)
    blog, _membership = lookup.requested_blog(request, user, as_int(blog_id, "blogid"))
    return [
        {"categoryId": str(c.pk), "categoryName": c.name}
        for c in Category.objects.for_blog(blog).order_by("name")
    ]


@method("mt.getPostCategories")
def get_post_categories(
    request: HttpRequest, post_id: Any, username: Any, password: Any
) -> list[dict[str, Any]]:
    user = sign_in(request, username, password)
    post = lookup.endpoint_post(request, user, as_int(post_id, "postid"))
    return [
        {"categoryName": c.name, "categoryId": str(c.pk), "isPrimary": index == 0}
        for index, c in enumerate(post.categories.order_by("name"))
    ]


@method("mt.setPostCategories")
def set_post_categories(
    request: HttpRequest, post_id: Any, username: Any, password: Any, categories: Any
) -> bool:
    user = sign_in(request, username, password)
    post = lookup.endpoint_post(request, user, as_int(post_id, "postid"), for_edit=True)
    if not isinstance(categories, list):
        raise wrong("categories")
    wanted = [
        as_int(as_struct(c, "categories").get("categoryId"), "categoryId") for c in categories
    ]
    found = list(Category.objects.for_blog(post.blog).filter(pk__in=wanted))
    if len(found) != len(set(wanted)):
        raise Http404(_("Invalid category ID."))
    data = PostRequest.of(post)
    data.categories = found
    save_requested_post(blog=post.blog, by=user, request=data, post=post)
    return True


@method("mt.publishPost")
def publish_post(request: HttpRequest, post_id: Any, username: Any, password: Any) -> bool:
    user = sign_in(request, username, password)
    post = lookup.endpoint_post(request, user, as_int(post_id, "postid"), for_edit=True)
    membership = lookup.blog_of_member(user, post.blog_id)[1]
    guard_publishing(membership, post, Post.Status.PUBLISHED)
    if post.status not in (Post.Status.PUBLISHED, Post.Status.PRIVATE):
        data = PostRequest.of(post)
        data.status = Post.Status.PUBLISHED
        save_requested_post(blog=post.blog, by=user, request=data, post=post)
    return True


@method("mt.getRecentPostTitles")
def get_recent_post_titles(
    request: HttpRequest, blog_id: Any, username: Any, password: Any, number: Any = 10
) -> list[dict[str, Any]]:
    user = sign_in(request, username, password)
    blog, membership = lookup.requested_blog(request, user, as_int(blog_id, "blogid"))
    posts = (
        Post.objects.filter(dashboard_posts(user, blog, membership))
        .posts()
        .only("pk", "title", "status", "published_at", "created_at")
        .order_by("-published_at", "-id")
    )
    answer = []
    for post in posts[: min(as_int(number, "numberOfPosts"), MAX_TITLES)]:
        date = structs.utc_naive(post.published_at or post.created_at)
        answer.append(
            {
                "dateCreated": date,
                "date_created_gmt": date,
                "postid": str(post.pk),
                "title": post.title,
                "post_status": structs.TO_WP.get(post.status, "draft"),
            }
        )
    return answer


def revision_struct(revision: Revision) -> dict[str, Any]:
    """A revision as WordPress's wp.getRevisions lists it (a post struct of type revision)."""
    date = structs.utc_naive(revision.created_at)
    return {
        "post_id": str(revision.pk),
        "post_title": revision.title,
        "post_content": revision.body_source,
        "post_excerpt": revision.excerpt,
        "post_date": date,
        "post_date_gmt": date,
        "post_modified": date,
        "post_modified_gmt": date,
        "post_parent": str(revision.post_id),
        "post_type": "revision",
        "post_status": "inherit",
        "post_name": f"{revision.post_id}-revision-v{revision.pk}",
    }


@method("wp.getRevisions")
def get_revisions(
    request: HttpRequest,
    blog_id: Any,
    username: Any,
    password: Any,
    post_id: Any,
    fields: Any = None,
) -> list[dict[str, Any]]:
    user = sign_in(request, username, password)
    post = lookup.endpoint_post(request, user, as_int(post_id, "post_id"), for_edit=True)
    kept = post.revisions.exclude(kind=Revision.Kind.AUTOSAVE)
    return [revision_struct(revision) for revision in kept]


@method("wp.restoreRevision")
def restore_revision_method(
    request: HttpRequest, blog_id: Any, username: Any, password: Any, revision_id: Any
) -> bool:
    user = sign_in(request, username, password)
    found = Revision.objects.filter(pk=as_int(revision_id, "revision_id")).first()
    if found is None:
        raise Http404(_("Invalid revision ID."))
    post = lookup.endpoint_post(request, user, found.post_id, for_edit=True)
    restore_revision(revision=access_revision(user, post.blog, post.pk, found.pk), by=user)
    return True
