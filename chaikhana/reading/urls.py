"""Reading's network-wide pages, namespace ``reading``: add a line per capability here."""

from django.urls import include, path

from chaikhana.reading.feeds.portal import (
    PortalAtomFeed,
    PortalRssFeed,
    SectionAtomFeed,
    SectionRssFeed,
)
from chaikhana.reading.following.feeds import NetworkTagFeed

app_name = "reading"

urlpatterns = [
    path("reader/", include("chaikhana.reading.following.urls")),
    path("tag/<slug:slug>/feed/", NetworkTagFeed(), name="tag_feed"),
    path("portal/feed/", PortalRssFeed(), name="portal_feed"),
    path("portal/feed/atom/", PortalAtomFeed(), name="portal_feed_atom"),
    path("portal/section/<slug:slug>/feed/", SectionRssFeed(), name="section_feed"),
    path("portal/section/<slug:slug>/feed/atom/", SectionAtomFeed(), name="section_feed_atom"),
]
