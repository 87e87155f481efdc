"""A blog's pages, relative to its root: /@<blog>/ in path mode, <blog>.<domain>/ otherwise."""

from django.urls import path

from chaikhana.blogs import views
from chaikhana.reading import feeds

app_name = "blogs"

urlpatterns = [
    path("", views.blog_home, name="home"),
    path("feed/", feeds.BlogRssFeed(), name="feed"),
    path("feed/atom/", feeds.BlogAtomFeed(), name="feed_atom"),
    path("category/<slug:slug>/", views.category_archive, name="category"),
    path("tag/<slug:slug>/", views.tag_archive, name="tag"),
    path("author/<slug:slug>/", views.author_archive, name="author"),
    path("<int:year>/<int:month>/", views.month_archive, name="month"),
    path("<slug:slug>/", views.post_detail, name="post"),
]
