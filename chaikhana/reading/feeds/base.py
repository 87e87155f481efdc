"""What every feed of posts shares, in RSS 2.0, Atom 1.0 and JSON Feed 1.1.

A feed class says only *which* posts it shows: its ``get_object`` returns a
:class:`FeedScope`. Everything else (ids, dates, languages, full text or summary,
conditional GET) lives here, so a blog's, a tag's and the network's feeds agree, and a
portal section's feed later is one more ``get_object``.

Feeds are read anonymously, so they show what a stranger may read: published posts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.http.request import split_domain_port
from django.utils import feedgenerator
from django.utils.html import escape

from chaikhana.blogs.models import Blog, Post, PostQuerySet
from chaikhana.core.jsonfeed import JsonFeed
from chaikhana.media.enclosures import enclosures_for
from chaikhana.reading.feeds.generators import AtomFeed, RssFeed

# A network-wide feed (the network, a tag across blogs, the portal) carries as many posts as a
# blog's feed does by default (Blog.feed_items): WordPress's 10.
FEED_POSTS = 10


@dataclass(frozen=True)
class FeedScope:
    """One feed: the page it mirrors and the posts in it."""

    title: str
    link: str  # the HTML page the feed follows: a path, or //host/path in subdomain mode
    description: str
    language: str
    posts: PostQuerySet
    # RFC 4287 §4.1.1: an Atom entry without its own author takes the feed's.
    author: str
    authority: str  # RFC 4151 tag: authority for the entries' ids
    limit: int = FEED_POSTS  # how many of the newest posts (a blog's own feed_items setting)


def tag_authority(request: HttpRequest) -> str:
    """The network's name, not the request's host: ids stay put when a blog moves
    between path and subdomain mode."""
    domain, _port = split_domain_port(request.get_host())
    return settings.BLOG_DOMAIN or domain or "localhost"


def tag_uri(authority: str, blog: Blog, post: Post) -> str:
    """RFC 4151 tag URI from ids alone, so an entry keeps its identity when its slug changes."""
    return f"tag:{authority},{blog.created_at:%Y-%m-%d}:blog-{blog.pk}/post-{post.pk}"


def full_text(post: Post) -> bool:
    """Whether the post's blog gives its whole text to feed readers (a blog setting)."""
    return post.blog.feed_full_text


class PostFeed(Feed):
    """RSS 2.0 of the posts in a :class:`FeedScope`; subclasses choose the scope."""

    feed_type: type[feedgenerator.SyndicationFeed] = RssFeed
    item_guid_is_permalink = False

    # Feed readers poll often over paid connections: an unchanged feed answers 304. The page
    # cache gives every feed named in reading/cache/keys.PAGE_DEPENDENCIES its ETag and
    # Last-Modified (when this version was made, not the newest post's date, which moves
    # back when that post is deleted), and ConditionalGetMiddleware answers the 304.
    # Query parameters are not read at all, so ?page=abc or ?foo=1 get the same feed.

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> FeedScope:
        raise NotImplementedError

    def get_feed(self, obj: FeedScope, request: HttpRequest) -> feedgenerator.SyndicationFeed:
        feed = super().get_feed(obj, request)
        feed.feed["language"] = obj.language
        for entry in feed.items:  # RSS 2.0 §enclosure: the url must be absolute
            entry["enclosures"] = [
                feedgenerator.Enclosure(request.build_absolute_uri(e.url), e.length, e.mime_type)
                for e in entry["enclosures"]
            ]
        return feed

    def title(self, obj: FeedScope) -> str:
        return obj.title

    def description(self, obj: FeedScope) -> str:
        return obj.description

    def subtitle(self, obj: FeedScope) -> str | None:
        return obj.description if obj.description != obj.title else None

    def link(self, obj: FeedScope) -> str:
        return obj.link

    def author_name(self, obj: FeedScope) -> str:
        return obj.author

    def items(self, obj: FeedScope) -> list[Post]:
        posts = list(obj.posts[: obj.limit])
        attached = enclosures_for(posts)  # one lookup for the whole feed
        for post in posts:
            post.feed_guid = tag_uri(obj.authority, post.blog, post)  # type: ignore[attr-defined]
            post.feed_media = attached.get(post.pk, [])  # type: ignore[attr-defined]
        return posts

    def item_title(self, item: Post) -> str:
        return item.title

    def item_description(self, item: Post) -> str:
        # RSS <description> is HTML: the plain-text summary must be escaped to stay text.
        return item.body_html if full_text(item) else escape(item.summary)

    def item_guid(self, item: Post) -> str:
        return item.feed_guid  # type: ignore[attr-defined]

    def item_pubdate(self, item: Post) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: Post) -> datetime:
        return item.updated_at

    def item_author_name(self, item: Post) -> str | None:
        # The pen name on this blog only: a feed must not reveal a username.
        return item.byline or (item.author.pen_name if item.author else None)

    def item_categories(self, item: Post) -> list[str]:
        return [category.name for category in item.categories.all()]

    def post_enclosures(self, item: Post) -> list[feedgenerator.Enclosure]:
        """The sound and PDF files of our library the post links to (media.enclosures)."""
        return [
            feedgenerator.Enclosure(media.url, str(media.size), media.content_type)
            for media in getattr(item, "feed_media", [])
        ]

    def item_enclosures(self, item: Post) -> list[feedgenerator.Enclosure]:
        # RSS 2.0 allows one enclosure per item (Django raises on more: a 500).
        return self.post_enclosures(item)[:1]

    def item_extra_kwargs(self, item: Post) -> dict[str, Any]:
        return {"language": item.language, "content": None}


class AtomPostFeed(PostFeed):
    """The same feed in Atom 1.0: the summary always, the whole post when the blog allows."""

    feed_type = AtomFeed

    def item_description(self, item: Post) -> str:
        # Atom's <summary type="html">: the plain-text summary must be escaped to stay text.
        return escape(item.summary)

    def item_enclosures(self, item: Post) -> list[feedgenerator.Enclosure]:
        return self.post_enclosures(item)

    def item_extra_kwargs(self, item: Post) -> dict[str, Any]:
        content = item.body_html if full_text(item) else None
        return {"language": item.language, "content": content}


class JsonPostFeed(PostFeed):
    """The same feed in JSON Feed 1.1: the plain summary always, the whole post as
    content_html when the blog allows, else the summary (escaped) stands in for it."""

    feed_type = JsonFeed

    def item_description(self, item: Post) -> str:
        return item.summary

    def item_enclosures(self, item: Post) -> list[feedgenerator.Enclosure]:
        return self.post_enclosures(item)

    def item_extra_kwargs(self, item: Post) -> dict[str, Any]:
        content = item.body_html if full_text(item) else escape(item.summary)
        return {"language": item.language, "content": content}
