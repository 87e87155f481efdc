"""Reading's network-wide pages, namespace ``reading``: add a line per capability here."""

from django.urls import include, path

from chaikhana.reading.feeds.portal import (
    PortalAtomFeed,
    PortalJsonFeed,
    PortalRssFeed,
    SectionAtomFeed,
    SectionJsonFeed,
    SectionRssFeed,
)
from chaikhana.reading.following.feeds import NetworkTagFeed, NetworkTagJsonFeed

app_name = "reading"

urlpatterns = [
    path("reader/", include("chaikhana.reading.following.urls")),
    path("tag/<slug:slug>/feed/", NetworkTagFeed(), name="tag_feed"),
    path("tag/<slug:slug>/feed/json/", NetworkTagJsonFeed(), name="tag_feed_json"),
    path("portal/feed/", PortalRssFeed(), name="portal_feed"),
    path("portal/feed/atom/", PortalAtomFeed(), name="portal_feed_atom"),
    path("portal/feed/json/", PortalJsonFeed(), name="portal_feed_json"),
    path("portal/section/<slug:slug>/feed/", SectionRssFeed(), name="section_feed"),
    path("portal/section/<slug:slug>/feed/atom/", SectionAtomFeed(), name="section_feed_atom"),
    path("portal/section/<slug:slug>/feed/json/", SectionJsonFeed(), name="section_feed_json"),
]
