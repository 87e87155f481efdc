"""The network's one route table."""

from django.urls import include, path, register_converter
from django.views.i18n import set_language

from chaikhana.blogs import views as blog_views
from chaikhana.core import views as core_views


class BlogNameConverter:
    regex = "[a-z0-9][a-z0-9-]*"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(BlogNameConverter, "blogname")

urlpatterns = [
    path("", include("chaikhana.portal.urls")),
    path("blogs/", blog_views.directory, name="directory"),
    path("accounts/", include("chaikhana.accounts.urls")),
    path("dashboard/", include("chaikhana.writing.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("healthz", core_views.healthz, name="healthz"),
    path("@<blogname:blog>/", include("chaikhana.urls_blog")),
]
