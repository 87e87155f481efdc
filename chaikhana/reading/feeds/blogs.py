"""A blog's feeds: the whole blog, and each category, tag and author archive.

Unlisted blogs have feeds (a reader who knows the address may follow it); private
blogs, unknown blogs and unknown terms answer 404, as their pages do.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _

from chaikhana.blogs.access import access_author, access_blog, access_category, access_tag
from chaikhana.blogs.models import Blog, Post, PostQuerySet
from chaikhana.blogs.views.archives import _subtree_ids
from chaikhana.blogs.views.common import blog_name
from chaikhana.reading.feeds.base import (
    AtomPostFeed,
    FeedScope,
    JsonPostFeed,
    PostFeed,
    tag_authority,
)


def _public_blog(request: HttpRequest, blog: str | None) -> Blog:
    # Feeds are anonymous: what a stranger may read, whoever is signed in.
    the_blog, _membership = access_blog(None, blog_name(request, blog))
    return the_blog


def _scope(request: HttpRequest, blog: Blog, posts: PostQuerySet, **page: str) -> FeedScope:
    return FeedScope(
        title=page.get("title", blog.title),
        link=page.get("link", blog.get_absolute_url()),
        description=blog.tagline or blog.title,
        language=blog.language,
        posts=posts.for_listing(),
        author=blog.title,
        authority=tag_authority(request),
        limit=blog.feed_items,
    )


def _posts(blog: Blog) -> PostQuerySet:
    return Post.objects.for_blog(blog).posts().published()


class _BlogScope:
    def get_object(self, request: HttpRequest, blog: str | None = None) -> FeedScope:
        the_blog = _public_blog(request, blog)
        return _scope(request, the_blog, _posts(the_blog))


class _CategoryScope:
    def get_object(self, request: HttpRequest, slug: str, blog: str | None = None) -> FeedScope:
        the_blog = _public_blog(request, blog)
        category = access_category(the_blog, slug)
        category.blog = the_blog  # already loaded: no second query for it
        # As on the archive page: the category with its sub-categories, each post once.
        posts = _posts(the_blog).in_categories(_subtree_ids(category))
        title = f"{category.name} · {the_blog.title}"
        link = the_blog.url("blogs:category", slug=category.slug)
        return _scope(request, the_blog, posts, title=title, link=link)


class _TagScope:
    def get_object(self, request: HttpRequest, slug: str, blog: str | None = None) -> FeedScope:
        the_blog = _public_blog(request, blog)
        tag = access_tag(the_blog, slug)
        with translation.override(the_blog.language):  # the feed speaks the blog's language
            title = _("Tag: %(name)s") % {"name": tag.name} + f" · {the_blog.title}"
        link = the_blog.url("blogs:tag", slug=tag.slug)
        return _scope(request, the_blog, _posts(the_blog).filter(tags=tag), title=title, link=link)


class _AuthorScope:
    def get_object(self, request: HttpRequest, slug: str, blog: str | None = None) -> FeedScope:
        """One author's posts under her pen name: never her username or other blogs."""
        the_blog = _public_blog(request, blog)
        author = access_author(the_blog, slug)
        posts = _posts(the_blog).filter(author=author)
        title = f"{author.pen_name} · {the_blog.title}"
        link = the_blog.url("blogs:author", slug=author.slug)
        return _scope(request, the_blog, posts, title=title, link=link)


class BlogRssFeed(_BlogScope, PostFeed):
    pass


class BlogAtomFeed(_BlogScope, AtomPostFeed):
    pass


class BlogJsonFeed(_BlogScope, JsonPostFeed):
    pass


class CategoryRssFeed(_CategoryScope, PostFeed):
    pass


class CategoryAtomFeed(_CategoryScope, AtomPostFeed):
    pass


class CategoryJsonFeed(_CategoryScope, JsonPostFeed):
    pass


class TagRssFeed(_TagScope, PostFeed):
    pass


class TagAtomFeed(_TagScope, AtomPostFeed):
    pass


class TagJsonFeed(_TagScope, JsonPostFeed):
    pass


class AuthorRssFeed(_AuthorScope, PostFeed):
    pass


class AuthorAtomFeed(_AuthorScope, AtomPostFeed):
    pass


class AuthorJsonFeed(_AuthorScope, JsonPostFeed):
    pass
