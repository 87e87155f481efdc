"""Public reading: listed blogs, their published posts and pages, categories and tags.

Every read goes through blogs' access helpers and QuerySet methods, as the HTML pages do: a
private blog is a 404 to strangers, a suspended one a 403, a draft does not exist. A token with
the "read" scope reads as its person (her private posts too, as on the site).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema

from chaikhana.api import conditional, present
from chaikhana.api.auth import reader_of
from chaikhana.api.pagination import listing, page
from chaikhana.api.schemas import BlogOut, BlogPage, Language, PostOut, PostPage, TermOut
from chaikhana.blogs.access import MovedPost, access_public_post
from chaikhana.blogs.models import Blog, Category, Post, PostQuerySet, Tag

router = Router(tags=["blogs"])


class PostFilters(Schema):
    cursor: str | None = None
    limit: int | None = None
    tag: str | None = None
    category: str | None = None
    language: Language | None = None
    since: datetime | None = None
    until: datetime | None = None


def _aware(moment: datetime) -> datetime:
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def filtered(posts: PostQuerySet, f: PostFilters) -> PostQuerySet:
    if f.tag:
        posts = posts.filter(tags__slug=f.tag)
    if f.category:
        posts = posts.filter(categories__slug=f.category)
    if f.language:
        posts = posts.filter(language=f.language)
    if f.since:
        posts = posts.filter(published_at__gte=_aware(f.since))
    if f.until:
        posts = posts.filter(published_at__lt=_aware(f.until))
    return posts


def _readable(request: HttpRequest, name: str, kind: str) -> tuple[Blog, PostQuerySet]:
    user, blog, membership = reader_of(request, name)
    posts = Post.objects.for_blog(blog).readable_by(user, membership).filter(kind=kind)
    return blog, posts


def _post_list(request: HttpRequest, name: str, kind: str, f: PostFilters) -> dict[str, Any]:
    _blog, posts = _readable(request, name, kind)
    found, next_url = page(
        request,
        filtered(posts, f).for_listing().defer("body_html"),
        cursor=f.cursor,
        limit=f.limit,
        newest_by="published_at",
    )
    return listing([present.post_item(request, p) for p in found], next_url)


def _one(
    request: HttpRequest, response: HttpResponse, name: str, slug: str, kind: str
) -> dict[str, Any] | HttpResponse:
    user, blog, membership = reader_of(request, name)
    try:
        post = access_public_post(user, blog, membership, slug)
    except MovedPost as moved:
        post = moved.post  # an old slug finds the post; its url says where it lives now
    if post.kind != kind:
        raise Http404(_("There is no post at this address."))
    etag = conditional.post_etag(request, post)
    if conditional.held(request, etag):
        return conditional.not_modified(etag)  # before the body is serialised
    response["ETag"] = etag
    return present.post(request, post)


@router.get("/blogs", response=BlogPage, summary="Listed blogs")
def blogs(
    request: HttpRequest,
    cursor: str | None = None,
    limit: int | None = None,
    language: Language | None = None,
) -> dict[str, Any]:
    found = Blog.objects.listed()
    if language:
        found = found.filter(language=language)
    items, next_url = page(request, found, cursor=cursor, limit=limit)
    return listing([present.blog(request, b) for b in items], next_url)


@router.get("/blogs/{name}", response=BlogOut, summary="A blog")
def blog(request: HttpRequest, name: str) -> dict[str, Any]:
    found, _membership = reader_of(request, name)[1:]
    return present.blog(request, found)


@router.get("/blogs/{name}/posts", response=PostPage, summary="A blog's published posts")
def posts(request: HttpRequest, name: str, filters: Query[PostFilters]) -> dict[str, Any]:
    return _post_list(request, name, Post.Kind.POST, filters)


@router.get("/blogs/{name}/posts/{slug}", response=PostOut, summary="A published post")
def post(
    request: HttpRequest, response: HttpResponse, name: str, slug: str
) -> dict[str, Any] | HttpResponse:
    return _one(request, response, name, slug, Post.Kind.POST)


@router.get("/blogs/{name}/pages", response=PostPage, summary="A blog's pages")
def pages(request: HttpRequest, name: str, filters: Query[PostFilters]) -> dict[str, Any]:
    return _post_list(request, name, Post.Kind.PAGE, filters)


@router.get("/blogs/{name}/pages/{slug}", response=PostOut, summary="A page")
def page_detail(
    request: HttpRequest, response: HttpResponse, name: str, slug: str
) -> dict[str, Any] | HttpResponse:
    return _one(request, response, name, slug, Post.Kind.PAGE)


@router.get("/blogs/{name}/categories", response=list[TermOut], summary="A blog's categories")
def categories(request: HttpRequest, name: str) -> list[dict[str, Any]]:
    found, _membership = reader_of(request, name)[1:]
    terms = Category.objects.for_blog(found).select_related("blog").order_by("name", "pk")
    return [present.term(request, t) for t in terms]


@router.get("/blogs/{name}/tags", response=list[TermOut], summary="A blog's tags")
def tags(request: HttpRequest, name: str) -> list[dict[str, Any]]:
    found, _membership = reader_of(request, name)[1:]
    terms = Tag.objects.for_blog(found).select_related("blog").order_by("name", "pk")
    return [present.term(request, t) for t in terms]


@router.get("/posts", response=PostPage, summary="Published posts of all listed blogs")
def network_posts(
    request: HttpRequest, filters: Query[PostFilters], blog: str | None = None
) -> dict[str, Any]:
    found = Post.objects.in_listed_blogs().posts().published().filter(blog__is_active=True)
    if blog:
        found = found.filter(blog__name=blog)
    items, next_url = page(
        request,
        filtered(found, filters).for_listing().defer("body_html"),
        cursor=filters.cursor,
        limit=filters.limit,
        newest_by="published_at",
    )
    return listing([present.post_item(request, p) for p in items], next_url)
