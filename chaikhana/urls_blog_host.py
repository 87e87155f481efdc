"""URLconf for a blog's own host in subdomain mode (chosen by BlogHostMiddleware)."""

from django.urls import include, path

urlpatterns = [path("", include("chaikhana.urls_blog"))]
