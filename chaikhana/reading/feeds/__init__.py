"""Feeds, RSS 2.0 and Atom 1.0, with Django's syndication framework: a blog's, its
categories', tags' and authors', and the network's (docs/architecture.md, "Feeds")."""

from chaikhana.reading.feeds.base import (
    FEED_POSTS,
    AtomPostFeed,
    FeedScope,
    PostFeed,
    tag_authority,
    tag_uri,
)
from chaikhana.reading.feeds.blogs import (
    AuthorAtomFeed,
    AuthorRssFeed,
    BlogAtomFeed,
    BlogRssFeed,
    CategoryAtomFeed,
    CategoryRssFeed,
    TagAtomFeed,
    TagRssFeed,
)
from chaikhana.reading.feeds.network import NetworkAtomFeed, NetworkRssFeed

__all__ = [
    "FEED_POSTS",
    "AtomPostFeed",
    "AuthorAtomFeed",
    "AuthorRssFeed",
    "BlogAtomFeed",
    "BlogRssFeed",
    "CategoryAtomFeed",
    "CategoryRssFeed",
    "FeedScope",
    "NetworkAtomFeed",
    "NetworkRssFeed",
    "PostFeed",
    "TagAtomFeed",
    "TagRssFeed",
    "tag_authority",
    "tag_uri",
]
