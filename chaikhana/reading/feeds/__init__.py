"""Feeds, RSS 2.0, Atom 1.0 and JSON Feed 1.1, with Django's syndication framework: a blog's, its
categories', tags' and authors', and the network's (docs/architecture.md, "Feeds")."""

from chaikhana.reading.feeds.base import (
    FEED_POSTS,
    AtomPostFeed,
    FeedScope,
    JsonPostFeed,
    PostFeed,
    tag_authority,
    tag_uri,
)
from chaikhana.reading.feeds.blogs import (
    AuthorAtomFeed,
    AuthorJsonFeed,
    AuthorRssFeed,
    BlogAtomFeed,
    BlogJsonFeed,
    BlogRssFeed,
    CategoryAtomFeed,
    CategoryJsonFeed,
    CategoryRssFeed,
    TagAtomFeed,
    TagJsonFeed,
    TagRssFeed,
)
from chaikhana.reading.feeds.network import NetworkAtomFeed, NetworkJsonFeed, NetworkRssFeed

__all__ = [
    "FEED_POSTS",
    "AtomPostFeed",
    "AuthorAtomFeed",
    "AuthorJsonFeed",
    "AuthorRssFeed",
    "BlogAtomFeed",
    "BlogJsonFeed",
    "BlogRssFeed",
    "CategoryAtomFeed",
    "CategoryJsonFeed",
    "CategoryRssFeed",
    "FeedScope",
    "JsonPostFeed",
    "NetworkAtomFeed",
    "NetworkJsonFeed",
    "NetworkRssFeed",
    "PostFeed",
    "TagAtomFeed",
    "TagJsonFeed",
    "TagRssFeed",
    "tag_authority",
    "tag_uri",
]
