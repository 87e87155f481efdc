"""A blog's comment routes, included by chaikhana/urls_blog.py (namespace blogs:comments)."""

from django.urls import path

from chaikhana.comments import feeds
from chaikhana.comments.views import public

app_name = "comments"

urlpatterns = [
    # Before "<slug>/comments/…": a post whose slug is "comments" must not hide the blog's feed.
    path("comments/feed/", feeds.BlogCommentsRssFeed(), name="blog_feed"),
    path("comments/feed/atom/", feeds.BlogCommentsAtomFeed(), name="blog_feed_atom"),
    path("comments/feed/json/", feeds.BlogCommentsJsonFeed(), name="blog_feed_json"),
    path("comments/<int:comment_id>/edit/", public.comment_edit, name="edit"),
    path("comments/<int:comment_id>/delete/", public.comment_delete, name="delete"),
    path("comments/unsubscribe/<str:token>/", public.unsubscribe, name="unsubscribe"),
    path("<slug:slug>/comments/", public.comment_create, name="create"),
    path("<slug:slug>/comments/feed/", feeds.PostCommentsRssFeed(), name="post_feed"),
    path("<slug:slug>/comments/feed/atom/", feeds.PostCommentsAtomFeed(), name="post_feed_atom"),
    path("<slug:slug>/comments/feed/json/", feeds.PostCommentsJsonFeed(), name="post_feed_json"),
]
