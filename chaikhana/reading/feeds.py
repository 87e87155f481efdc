"""A blog's feeds, RSS 2.0 and Atom 1.0, with Django's syndication framework.

Feeds are read anonymously, so they show what a stranger may read: published posts of
public and unlisted blogs. Each entry keeps its language, and its id survives a new slug.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils import feedgenerator
from django.utils.decorators import method_decorator
from django.utils.html import escape
from django.views.decorators.http import conditional_page

from chaikhana.blogs.access import access_blog
from chaikhana.blogs.models import Blog, Post
from chaikhana.blogs.views.common import blog_name

FEED_POSTS = 20
DC_NS = "http://purl.org/dc/elements/1.1/"


class _RssWithLanguages(feedgenerator.Rss201rev2Feed):
    """RSS 2.0 has no per-item language; Dublin Core's dc:language is what readers know."""

    def rss_attributes(self) -> dict[str, str]:
        return {**super().rss_attributes(), "xmlns:dc": DC_NS, "xml:lang": self.feed["language"]}

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        handler.addQuickElement("dc:language", item["language"])


class _AtomWithContent(feedgenerator.Atom1Feed):
    """Atom with the whole post in <content> and each entry's own xml:lang."""

    def item_attributes(self, item: dict[str, Any]) -> dict[str, str]:
        return {"xml:lang": item["language"]}

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content"], {"type": "html"})


def _tag_uri(authority: str, blog: Blog, post: Post) -> str:
    """RFC 4151 tag URI from ids alone, so an entry keeps its identity when its slug changes."""
    return f"tag:{authority},{blog.created_at:%Y-%m-%d}:blog-{blog.pk}/post-{post.pk}"


class BlogRssFeed(Feed):
    feed_type: type[feedgenerator.SyndicationFeed] = _RssWithLanguages

    # Feed readers poll often over paid connections: an unchanged feed answers 304
    # (ETag and Last-Modified), whether or not the site runs ConditionalGetMiddleware.
    @method_decorator(conditional_page)
    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request: HttpRequest, blog: str | None = None) -> Blog:
        the_blog, _membership = access_blog(None, blog_name(request, blog))
        # The network's name, not the request's host: ids stay put when a blog moves
        # between path and subdomain mode.
        host = settings.BLOG_DOMAIN or request.get_host().rsplit(":", 1)[0]
        the_blog.feed_authority = host  # type: ignore[attr-defined]
        return the_blog

    def get_feed(self, obj: Blog, request: HttpRequest) -> feedgenerator.SyndicationFeed:
        feed = super().get_feed(obj, request)
        feed.feed["language"] = obj.language
        return feed

    def title(self, obj: Blog) -> str:
        return obj.title

    def description(self, obj: Blog) -> str:
        return obj.tagline or obj.title

    def subtitle(self, obj: Blog) -> str | None:
        return obj.tagline or None

    def link(self, obj: Blog) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Blog) -> list[Post]:
        posts = list(Post.objects.for_blog(obj).posts().published().for_listing()[:FEED_POSTS])
        for post in posts:
            post.feed_guid = _tag_uri(obj.feed_authority, obj, post)  # type: ignore[attr-defined]
        return posts

    def item_title(self, item: Post) -> str:
        return item.title

    def item_description(self, item: Post) -> str:
        return item.body_html

    def item_guid(self, item: Post) -> str:
        return item.feed_guid  # type: ignore[attr-defined]

    item_guid_is_permalink = False

    def item_pubdate(self, item: Post) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: Post) -> datetime:
        return item.updated_at

    def item_author_name(self, item: Post) -> str | None:
        # The pen name on this blog only: a feed must not reveal a username.
        return item.byline or (item.author.pen_name if item.author else None)

    def item_categories(self, item: Post) -> list[str]:
        return [category.name for category in item.categories.all()]

    def item_extra_kwargs(self, item: Post) -> dict[str, Any]:
        return {"language": item.language, "content": item.body_html}


class BlogAtomFeed(BlogRssFeed):
    feed_type = _AtomWithContent

    def item_description(self, item: Post) -> str:
        # Atom's <summary type="html">: the plain-text summary must be escaped to stay text.
        return escape(item.summary)
