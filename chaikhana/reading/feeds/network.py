"""The network's feed: the newest posts of its listed blogs (unlisted ones stay out).

The portal's own feeds (front page, sections) will be PostFeed subclasses here too: a
``get_object`` that returns a FeedScope over the section's stories, which are Posts.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from chaikhana.blogs.views.network import newest_network_posts
from chaikhana.reading.feeds.base import (
    FEED_POSTS,
    AtomPostFeed,
    FeedScope,
    JsonPostFeed,
    PostFeed,
    tag_authority,
)


class _NetworkScope:
    def get_object(self, request: HttpRequest) -> FeedScope:
        name = settings.NETWORK_NAME
        return FeedScope(
            title=name,
            link=reverse("portal:home", urlconf=settings.ROOT_URLCONF),
            description=_("Newest posts of the blogs of %(network)s") % {"network": name},
            # The reader's language for the feed's own words; each entry keeps its own.
            language=get_language(),
            posts=newest_network_posts(FEED_POSTS),
            author=name,
            authority=tag_authority(request),
        )


class NetworkRssFeed(_NetworkScope, PostFeed):
    pass


class NetworkAtomFeed(_NetworkScope, AtomPostFeed):
    pass


class NetworkJsonFeed(_NetworkScope, JsonPostFeed):
    pass
