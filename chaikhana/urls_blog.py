"""A blog's pages, relative to its root: /@<blog>/ in path mode, <blog>.<domain>/ otherwise."""

from django.urls import include, path

from chaikhana.blogs import views
from chaikhana.linkbacks import views as linkback_views
from chaikhana.porting.api import wlw
from chaikhana.reading import feeds, sitemaps
from chaikhana.reading.search import views as search_views

app_name = "blogs"

urlpatterns = [
    path("", views.blog_home, name="home"),
    path("feed/", feeds.BlogRssFeed(), name="feed"),
    path("feed/atom/", feeds.BlogAtomFeed(), name="feed_atom"),
    path("feed/json/", feeds.BlogJsonFeed(), name="feed_json"),
    # Before the post's <slug>/ ("sitemap" is a reserved post slug as well).
    path("sitemap.xml", sitemaps.blog_sitemap, name="sitemap"),
    path("category/<slug:slug>/feed/", feeds.CategoryRssFeed(), name="category_feed"),
    path("category/<slug:slug>/feed/atom/", feeds.CategoryAtomFeed(), name="category_feed_atom"),
    path("category/<slug:slug>/feed/json/", feeds.CategoryJsonFeed(), name="category_feed_json"),
    path("tag/<slug:slug>/feed/", feeds.TagRssFeed(), name="tag_feed"),
    path("tag/<slug:slug>/feed/atom/", feeds.TagAtomFeed(), name="tag_feed_atom"),
    path("tag/<slug:slug>/feed/json/", feeds.TagJsonFeed(), name="tag_feed_json"),
    path("author/<slug:slug>/feed/", feeds.AuthorRssFeed(), name="author_feed"),
    path("author/<slug:slug>/feed/atom/", feeds.AuthorAtomFeed(), name="author_feed_atom"),
    path("author/<slug:slug>/feed/json/", feeds.AuthorJsonFeed(), name="author_feed_json"),
    path("category/<slug:slug>/", views.category_archive, name="category"),
    path("tag/<slug:slug>/", views.tag_archive, name="tag"),
    path("author/<slug:slug>/", views.author_archive, name="author"),
    path("<int:year>/<int:month>/", views.month_archive, name="month"),
    path("search/", search_views.blog_search, name="search"),  # a reserved post slug too
    path("", include("chaikhana.comments.urls_public")),  # comments, their feeds
    # A blog's own host (subdomain mode) answers linkbacks at its root, as WordPress does.
    path("webmention", linkback_views.webmention, name="webmention"),
    path("xmlrpc.php", linkback_views.xmlrpc_endpoint, name="xmlrpc"),
    path("wlwmanifest.xml", wlw.wlwmanifest, name="wlwmanifest"),  # Open Live Writer
    path("<slug:slug>/", views.post_detail, name="post"),
    # Last: old WordPress addresses of imported posts (porting/wxr/redirects.py), else 404.
    path("", include("chaikhana.porting.urls_blog")),
]
