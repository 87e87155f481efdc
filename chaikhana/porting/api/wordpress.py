"""The WordPress XML-RPC API (wp.*), as WordPress 4.x+ answers it, over our posts.

Writes go through blogs' save_requested_post, guarded first as WordPress does (saving.py);
the portal's blog is neither listed nor written here (lookup.py).
"""

from __future__ import annotations

from typing import Any
from xmlrpc.client import Binary, Fault

from django.core.files.base import ContentFile
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs import permissions
from chaikhana.blogs.access import dashboard_posts
from chaikhana.blogs.actions import PostRequest, create_category, delete_post, save_requested_post
from chaikhana.blogs.models import Blog, Category, Post, Tag
from chaikhana.linkbacks.xmlrpc import METHODS, endpoint_blog
from chaikhana.media.actions import upload_media
from chaikhana.porting.api import lookup, structs
from chaikhana.porting.api.faults import (
    NOT_ALLOWED,
    as_int,
    as_str,
    as_struct,
    method,
    sign_in,
    wrong,
)
from chaikhana.porting.api.saving import guard_publishing

TAXONOMIES = ("category", "post_tag")
MAX_POSTS = 100


@method("mt.supportedMethods")
def supported_methods(request: HttpRequest) -> list[str]:
    # python-wordpress-xmlrpc asks this first, and refuses to call anything not listed.
    return sorted(METHODS)


def blogs_list(request: HttpRequest, user: User) -> list[dict[str, Any]]:
    """Her blogs; at a blog's own endpoint, that blog alone (as a WordPress site answers)."""
    endpoint = request.build_absolute_uri(request.path)  # the endpoint she called
    here = endpoint_blog(request)
    return [
        {
            "isAdmin": permissions.can_manage_blog(membership),
            "url": request.build_absolute_uri(blog.get_absolute_url()),
            "blogid": str(blog.pk),
            "blogName": blog.title,
            "xmlrpc": endpoint,
        }
        for blog, membership in lookup.member_blogs(user)
        if here is None or blog.name == here
    ]


@method("wp.getUsersBlogs")
def get_users_blogs(request: HttpRequest, username: Any, password: Any) -> list[dict[str, Any]]:
    return blogs_list(request, sign_in(request, username, password))


def _categories(blog: Blog, user: User, ids: list[Any], names: list[Any]) -> list[Category]:
    wanted = [as_int(i, "terms") for i in ids]
    found = list(Category.objects.for_blog(blog).filter(pk__in=wanted))
    for name in names:
        name = as_str(name, "terms_names").strip()
        category = Category.objects.for_blog(blog).filter(name__iexact=name).first()
        # WordPress creates missing categories for those allowed to; create_category checks.
        found.append(category or create_category(blog=blog, by=user, name=name))
    return found


def _tag_names(blog: Blog, ids: list[Any], names: list[Any]) -> list[str]:
    wanted = [as_int(i, "terms") for i in ids]
    known = list(Tag.objects.for_blog(blog).filter(pk__in=wanted).values_list("name", flat=True))
    return known + [as_str(n, "terms_names").strip() for n in names if str(n).strip()]


def _list(struct: dict[str, Any], key: str, taxonomy: str) -> list[Any]:
    value = as_struct(struct.get(key), key).get(taxonomy) or []
    if not isinstance(value, list):
        raise wrong(key)
    return value


def apply_content(
    data: PostRequest, content: dict[str, Any], blog: Blog, user: User
) -> PostRequest:
    """*data* changed by the fields a wp.newPost / wp.editPost content struct carries."""
    text = {
        "post_title": "title",
        "post_content": "body_source",
        "post_excerpt": "excerpt",
        "post_name": "slug",
    }
    for key, attribute in text.items():
        if key in content:
            setattr(data, attribute, as_str(content[key], key))
    if "post_content" in content:
        data.body_format = Post.Format.HTML
    if "post_type" in content:
        if content["post_type"] not in (Post.Kind.POST, Post.Kind.PAGE):
            raise Fault(NOT_ALLOWED, _("Invalid post type."))
        data.kind = content["post_type"]
    for key in ("post_date_gmt", "post_date"):
        if content.get(key):
            data.published_at = structs.read_date(content[key], key)
            break
    if "post_status" in content:
        data.status = structs.status_from_wp(content["post_status"], data.published_at)
    if "terms" in content or "terms_names" in content:
        data.categories = _categories(
            blog,
            user,
            _list(content, "terms", "category"),
            _list(content, "terms_names", "category"),
        )
        data.tag_names = _tag_names(
            blog, _list(content, "terms", "post_tag"), _list(content, "terms_names", "post_tag")
        )
    return data


@method("wp.newPost")
def new_post(request: HttpRequest, blog_id: Any, username: Any, password: Any, content: Any) -> str:
    user = sign_in(request, username, password)
    blog, membership = lookup.requested_blog(request, user, as_int(blog_id, "blog_id"))
    with transaction.atomic():  # a category made for a post then refused goes with it
        data = apply_content(structs.new_request(blog), as_struct(content, "content"), blog, user)
        guard_publishing(membership, None, data.status)
        return str(save_requested_post(blog=blog, by=user, request=data).pk)


@method("wp.editPost")
def edit_post(
    request: HttpRequest, blog_id: Any, username: Any, password: Any, post_id: Any, content: Any
) -> bool:
    user = sign_in(request, username, password)
    post = lookup.endpoint_post(request, user, as_int(post_id, "post_id"), for_edit=True)
    with transaction.atomic():  # as in new_post
        data = apply_content(PostRequest.of(post), as_struct(content, "content"), post.blog, user)
        guard_publishing(lookup.blog_of_member(user, post.blog_id)[1], post, data.status)
        save_requested_post(blog=post.blog, by=user, request=data, post=post)
    return True


@method("wp.getPost")
def get_post(
    request: HttpRequest,
    blog_id: Any,
    username: Any,
    password: Any,
    post_id: Any,
    fields: Any = None,
) -> dict[str, Any]:
    user = sign_in(request, username, password)
    return structs.post_struct(
        request, lookup.endpoint_post(request, user, as_int(post_id, "post_id"))
    )


@method("wp.getPosts")
def get_posts(
    request: HttpRequest,
    blog_id: Any,
    username: Any,
    password: Any,
    filter: Any = None,
    fields: Any = None,
) -> list[dict[str, Any]]:
    user = sign_in(request, username, password)
    blog, membership = lookup.requested_blog(request, user, as_int(blog_id, "blog_id"))
    options = as_struct(filter, "filter")
    posts = Post.objects.filter(dashboard_posts(user, blog, membership))
    posts = posts.filter(kind=options.get("post_type") or Post.Kind.POST)
    if options.get("post_status"):
        posts = posts.filter(status=structs.status_from_wp(options["post_status"], None))
    number = min(as_int(options.get("number", 10), "number"), MAX_POSTS)
    offset = as_int(options.get("offset", 0), "offset")
    order = "" if str(options.get("order", "DESC")).upper() == "ASC" else "-"
    posts = posts.select_related("blog", "author").prefetch_related("categories", "tags")
    chosen = posts.order_by(f"{order}published_at", f"{order}id")[offset : offset + number]
    return [structs.post_struct(request, post) for post in chosen]


@method("wp.deletePost")
def delete_post_method(
    request: HttpRequest, blog_id: Any, username: Any, password: Any, post_id: Any
) -> bool:
    user = sign_in(request, username, password)
    post = lookup.endpoint_post(request, user, as_int(post_id, "post_id"), for_edit=True)
    delete_post(post=post, by=user)
    return True


@method("wp.getTerms")
def get_terms(
    request: HttpRequest,
    blog_id: Any,
    username: Any,
    password: Any,
    taxonomy: Any,
    filter: Any = None,
) -> list[dict[str, Any]]:
    user = sign_in(request, username, password)
    blog, _membership = lookup.requested_blog(request, user, as_int(blog_id, "blog_id"))
    if taxonomy not in TAXONOMIES:
        raise Fault(403, _("Invalid taxonomy."))  # WordPress answers 403 here
    options = as_struct(filter, "filter")
    terms = structs.terms_with_counts(blog, taxonomy)
    if options.get("hide_empty"):
        terms = [t for t in terms if t["count"]]
    if search := options.get("search"):
        terms = [t for t in terms if str(search).casefold() in t["name"].casefold()]
    offset = as_int(options.get("offset", 0), "offset")
    number = as_int(options.get("number", len(terms)), "number")
    return terms[offset : offset + number]


def upload(request: HttpRequest, user: User, blog: Blog, data: dict[str, Any]) -> dict[str, Any]:
    """Store an uploaded file through media.upload_media (photos lose EXIF and GPS there)."""
    name, bits = as_str(data.get("name"), "name"), data.get("bits")
    if not isinstance(bits, Binary):
        raise wrong("bits")
    media = upload_media(blog=blog, by=user, uploaded_file=ContentFile(bits.data, name=name))
    url = request.build_absolute_uri(media.file.url)
    return {
        "id": str(media.pk),
        "file": media.original_name,
        "url": url,
        "type": media.content_type,
    }


@method("wp.uploadFile")
def upload_file(
    request: HttpRequest, blog_id: Any, username: Any, password: Any, data: Any
) -> dict[str, Any]:
    user = sign_in(request, username, password)
    blog, _membership = lookup.requested_blog(request, user, as_int(blog_id, "blog_id"))
    return upload(request, user, blog, as_struct(data, "data"))
