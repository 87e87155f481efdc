"""Reading's network-wide pages, namespace ``reading``: add a line per capability here."""

from django.urls import include, path

from chaikhana.reading.following.feeds import NetworkTagFeed

app_name = "reading"

urlpatterns = [
    path("reader/", include("chaikhana.reading.following.urls")),
    path("tag/<slug:slug>/feed/", NetworkTagFeed(), name="tag_feed"),
]
