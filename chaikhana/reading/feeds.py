"""Stub: blog feeds (filled in next)."""

from django.contrib.syndication.views import Feed


class BlogRssFeed(Feed):
    pass


class BlogAtomFeed(Feed):
    pass
