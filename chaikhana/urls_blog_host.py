"""URLconf for a blog's own host in subdomain mode (chosen by BlogHostMiddleware)."""

from django.urls import include, path

from chaikhana.reading import robots

urlpatterns = [
    # A blog's host answers its own robots.txt (its sitemap, or Disallow when not listed).
    path("robots.txt", robots.blog_robots_txt, name="robots_txt"),
    path("", include("chaikhana.core.urls_icons")),  # the network's icons on the blog's host
    path("", include("chaikhana.urls_blog")),
]
