"""A blog's archives: by category (with its sub-categories), tag, author and month."""

from __future__ import annotations

from datetime import datetime

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from chaikhana.blogs.access import access_author, access_category, access_tag
from chaikhana.blogs.models import Blog, Category, Membership, Post, PostQuerySet
from chaikhana.blogs.views.common import paginate, reader_blog, render_blog_page


def _readable_posts(
    request: HttpRequest, blog: Blog, membership: Membership | None
) -> PostQuerySet:
    return (
        Post.objects.for_blog(blog)
        .posts()
        .readable_by(request.user, membership)  # type: ignore[arg-type]
        .for_listing()
    )


def _archive(
    request: HttpRequest,
    blog: Blog,
    posts: PostQuerySet,
    heading: str,
    feed: str = "",
    slug: str = "",
) -> HttpResponse:
    """An archive page; *feed* names its own feeds (``blogs:tag_feed``) for autodiscovery."""
    page = paginate(request, posts, blog.posts_per_page)
    context = {"page": page, "heading": heading, "archive_feeds": _feeds(blog, feed, slug)}
    return render_blog_page(request, "blogs/archive.html", blog, context)


def _feeds(blog: Blog, feed: str, slug: str) -> dict[str, str] | None:
    if not feed:
        return None
    return {
        "rss": blog.url(feed, slug=slug),
        "atom": blog.url(f"{feed}_atom", slug=slug),
        "json": blog.url(f"{feed}_json", slug=slug),
    }


def _subtree_ids(category: Category) -> set[int]:
    """The category and all below it, from one query over the blog's categories.

    A guard against cycles in bad data: each category is visited once.
    """
    children: dict[int | None, list[int]] = {}
    pairs = Category.objects.for_blog(category.blog).values_list("pk", "parent_id")
    for pk, parent_id in pairs:
        children.setdefault(parent_id, []).append(pk)
    found, todo = {category.pk}, [category.pk]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def category_archive(request: HttpRequest, slug: str, blog: str | None = None) -> HttpResponse:
    the_blog, membership = reader_blog(request, blog)
    category = access_category(the_blog, slug)
    # A post filed under a category and its child appears once.
    posts = _readable_posts(request, the_blog, membership).in_categories(_subtree_ids(category))
    return _archive(request, the_blog, posts, category.name, "blogs:category_feed", slug)


def tag_archive(request: HttpRequest, slug: str, blog: str | None = None) -> HttpResponse:
    the_blog, membership = reader_blog(request, blog)
    tag = access_tag(the_blog, slug)
    posts = _readable_posts(request, the_blog, membership).filter(tags=tag)
    heading = _("Tag: %(name)s") % {"name": tag.name}
    return _archive(request, the_blog, posts, heading, "blogs:tag_feed", slug)


def author_archive(request: HttpRequest, slug: str, blog: str | None = None) -> HttpResponse:
    """Posts by one author, under her pen name: never her username or other blogs."""
    the_blog, membership = reader_blog(request, blog)
    author = access_author(the_blog, slug)
    posts = _readable_posts(request, the_blog, membership).filter(author=author)
    return _archive(request, the_blog, posts, author.pen_name, "blogs:author_feed", slug)


def _month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    """The month in the site's time zone, as [start, end); 404 for a month that is not one."""
    if not (1 <= month <= 12 and 1 <= year <= 9998):
        raise Http404(_("There is no such month."))
    zone = timezone.get_current_timezone()
    start = datetime(year, month, 1, tzinfo=zone)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=zone)
    return start, end


def month_archive(
    request: HttpRequest, year: int, month: int, blog: str | None = None
) -> HttpResponse:
    start, end = _month_bounds(year, month)
    the_blog, membership = reader_blog(request, blog)
    posts = _readable_posts(request, the_blog, membership).filter(
        published_at__gte=start, published_at__lt=end
    )
    return _archive(request, the_blog, posts, date_format(start, "YEAR_MONTH_FORMAT"))
