"""URLconf for a blog's own host in subdomain mode (chosen by BlogHostMiddleware)."""

from django.urls import include, path

from chaikhana.blogs.views import errors as blog_errors
from chaikhana.core import error_pages
from chaikhana.core import views as core_views
from chaikhana.reading import robots

# A blog's own host answers errors as the network's host does (chaikhana/urls.py).
handler400 = error_pages.bad_request
handler403 = core_views.permission_denied
handler404 = blog_errors.page_not_found
handler500 = error_pages.server_error

urlpatterns = [
    # A blog's host answers its own robots.txt (its sitemap, or Disallow when not listed).
    path("robots.txt", robots.blog_robots_txt, name="robots_txt"),
    path("", include("chaikhana.core.urls_icons")),  # the network's icons on the blog's host
    path("", include("chaikhana.federation.urls_blog_host")),  # WebFinger on the blog host
    path("", include("chaikhana.urls_blog")),
]
