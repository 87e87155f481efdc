"""The reader's routes, under /reader/ (included by chaikhana/reading/urls.py)."""

from django.urls import path

from chaikhana.reading.following import views

urlpatterns = [
    path("", views.reader, name="reader"),
    path("following/", views.following, name="following"),
    path("follow/blog/", views.follow_blog, name="follow_blog"),
    path("unfollow/blog/", views.unfollow_blog, name="unfollow_blog"),
    path("follow/tag/", views.follow_tag, name="follow_tag"),
    path("unfollow/tag/", views.unfollow_tag, name="unfollow_tag"),
    path("opml/", views.opml_export, name="opml_export"),
    path("opml/import/", views.opml_import, name="opml_import"),
]
