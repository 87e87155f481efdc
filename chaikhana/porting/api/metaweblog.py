"""MetaWeblog and Blogger APIs, the older dialects MarsEdit and many scripts still speak.

metaWeblog.newPost's *publish* flag decides the status unless the struct names one
(WordPress reads ``post_status`` first too).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from chaikhana.accounts.models import User
from chaikhana.blogs.access import dashboard_posts
from chaikhana.blogs.actions import PostRequest, delete_post, save_requested_post
from chaikhana.blogs.models import Blog, Category, Post
from chaikhana.porting.api import lookup, structs
from chaikhana.porting.api.faults import as_int, as_str, as_struct, method, sign_in, wrong
from chaikhana.porting.api.saving import guard_publishing
from chaikhana.porting.api.wordpress import blogs_list, upload

MAX_RECENT = 100


def _apply(data: PostRequest, struct: dict[str, Any], publish: Any, blog: Blog) -> PostRequest:
    if "title" in struct:
        data.title = as_str(struct["title"], "title")
    if "description" in struct:
        more = struct.get("mt_text_more") or ""
        data.body_source = as_str(struct["description"], "description") + as_str(
            more, "mt_text_more"
        )
        data.body_format = Post.Format.HTML
    if "mt_excerpt" in struct:
        data.excerpt = as_str(struct["mt_excerpt"], "mt_excerpt")
    if "wp_slug" in struct:
        data.slug = as_str(struct["wp_slug"], "wp_slug")
    for key in ("date_created_gmt", "dateCreated"):
        if struct.get(key):
            data.published_at = structs.read_date(struct[key], key)
            break
    if "mt_keywords" in struct:
        keywords = as_str(struct["mt_keywords"], "mt_keywords")
        data.tag_names = [k.strip() for k in keywords.split(",") if k.strip()]
    if "categories" in struct:
        names = struct["categories"]
        if not isinstance(names, list):
            raise wrong("categories")
        # MetaWeblog names existing categories only (newCategory is how one is made).
        data.categories = list(
            Category.objects.for_blog(blog).filter(name__in=[str(n) for n in names])
        )
    if struct.get("post_status"):
        data.status = structs.status_from_wp(struct["post_status"], data.published_at)
    elif publish is not None:
        data.status = Post.Status.PUBLISHED if publish else Post.Status.DRAFT
    return data


@method("metaWeblog.newPost")
def new_post(
    request: HttpRequest,
    blog_id: Any,
    username: Any,
    password: Any,
    struct: Any,
    publish: Any = None,
) -> str:
    user = sign_in(request, username, password)
    blog, membership = lookup.requested_blog(request, user, as_int(blog_id, "blogid"))
    data = _apply(structs.new_request(blog), as_struct(struct, "struct"), publish, blog)
    guard_publishing(membership, None, data.status)
    return str(save_requested_post(blog=blog, by=user, request=data).pk)


@method("metaWeblog.editPost")
def edit_post(
    request: HttpRequest,
    post_id: Any,
    username: Any,
    password: Any,
    struct: Any,
    publish: Any = None,
) -> bool:
    user = sign_in(request, username, password)
    post = lookup.endpoint_post(request, user, as_int(post_id, "postid"), for_edit=True)
    data = _apply(PostRequest.of(post), as_struct(struct, "struct"), publish, post.blog)
    guard_publishing(lookup.blog_of_member(user, post.blog_id)[1], post, data.status)
    save_requested_post(blog=post.blog, by=user, request=data, post=post)
    return True


@method("metaWeblog.getPost")
def get_post(request: HttpRequest, post_id: Any, username: Any, password: Any) -> dict[str, Any]:
    user = sign_in(request, username, password)
    return structs.metaweblog_struct(
        request, lookup.endpoint_post(request, user, as_int(post_id, "postid"))
    )


@method("metaWeblog.getRecentPosts")
def get_recent_posts(
    request: HttpRequest, blog_id: Any, username: Any, password: Any, number: Any = 10
) -> list[dict[str, Any]]:
    user = sign_in(request, username, password)
    blog, membership = lookup.requested_blog(request, user, as_int(blog_id, "blogid"))
    posts = (
        Post.objects.filter(dashboard_posts(user, blog, membership))
        .posts()
        .select_related("blog", "author")
        .prefetch_related("categories", "tags")
        .order_by("-published_at", "-id")
    )
    chosen = posts[: min(as_int(number, "numberOfPosts"), MAX_RECENT)]
    return [structs.metaweblog_struct(request, post) for post in chosen]


@method("metaWeblog.newMediaObject")
def new_media_object(
    request: HttpRequest, blog_id: Any, username: Any, password: Any, struct: Any
) -> dict[str, Any]:
    user = sign_in(request, username, password)
    blog, _membership = lookup.requested_blog(request, user, as_int(blog_id, "blogid"))
    return upload(request, user, blog, as_struct(struct, "struct"))


@method("blogger.getUsersBlogs")
def blogger_get_users_blogs(
    request: HttpRequest, appkey: Any, username: Any, password: Any
) -> list[dict[str, Any]]:
    return blogs_list(request, sign_in(request, username, password))


@method("blogger.deletePost")
def blogger_delete_post(
    request: HttpRequest,
    appkey: Any,
    post_id: Any,
    username: Any,
    password: Any,
    publish: Any = None,
) -> bool:
    user: User = sign_in(request, username, password)
    delete_post(
        post=lookup.endpoint_post(request, user, as_int(post_id, "postid"), for_edit=True), by=user
    )
    return True
