"""The network's one route table."""

from django.conf import settings
from django.urls import include, path, re_path, register_converter
from django.views.i18n import set_language

from chaikhana.blogs import views as blog_views
from chaikhana.blogs.views import errors as blog_errors
from chaikhana.core import error_pages
from chaikhana.core import metrics as core_metrics
from chaikhana.core import views as core_views
from chaikhana.core.language import choose_language
from chaikhana.core.media import serve_media
from chaikhana.linkbacks import views as linkback_views
from chaikhana.media import views as media_views
from chaikhana.reading import feeds, robots, sitemaps
from chaikhana.reading.search import views as search_views


class BlogNameConverter:
    regex = "[a-z0-9][a-z0-9-]*"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(BlogNameConverter, "blogname")

handler400 = error_pages.bad_request
handler403 = core_views.permission_denied
handler404 = blog_errors.page_not_found
handler500 = error_pages.server_error

urlpatterns = [
    path("", include("chaikhana.portal.urls")),
    path("blogs/", blog_views.directory, name="directory"),
    path("search/", search_views.network_search, name="search"),
    path("courses/", include("chaikhana.courses.urls")),
    path("accounts/", include("chaikhana.accounts.urls")),
    path("", include("chaikhana.network.reports.urls")),  # /report/…, /network/reports/
    path("", include("chaikhana.newsletters.urls")),  # /newsletters/, …/subscribers/
    path("anymail/", include("anymail.urls")),  # bounces and complaints (newsletters)
    path("", include("chaikhana.mirrors.urls")),  # /mirrors/, /mirrors.json, /network/mirrors/
    path("network/fediverse/", include("chaikhana.federation.urls_network")),
    path("network/webhooks/", include("chaikhana.webhooks.urls_network")),
    path("network/", include("chaikhana.network.urls")),
    path("dashboard/@<blogname:blog>/media/", include("chaikhana.media.urls")),
    path("dashboard/@<blogname:blog>/import/", include("chaikhana.porting.urls")),
    path("dashboard/@<blogname:blog>/webhooks/", include("chaikhana.webhooks.urls")),
    path("", include("chaikhana.porting.urls_export")),  # /dashboard/export/, …/export/wxr/
    path("dashboard/", include("chaikhana.comments.urls_dashboard")),
    path("dashboard/", include("chaikhana.federation.urls_dashboard")),
    path("dashboard/", include("chaikhana.writing.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("i18n/language/", choose_language, name="choose_language"),
    path("healthz", core_views.healthz, name="healthz"),
    path("", include("chaikhana.core.urls_icons")),
    path("cards/<int:post>/<str:digest>.png", media_views.title_card, name="title_card"),
    path("metrics", core_metrics.metrics, name="metrics"),  # staff and loopback only
    path("feed/", feeds.NetworkRssFeed(), name="network_feed"),
    path("feed/atom/", feeds.NetworkAtomFeed(), name="network_feed_atom"),
    path("feed/json/", feeds.NetworkJsonFeed(), name="network_feed_json"),
    path("sitemap.xml", sitemaps.network_sitemap_index, name="sitemap_index"),
    path("robots.txt", robots.robots_txt, name="robots_txt"),
    path("", include("chaikhana.reading.urls")),
    path("webmention", linkback_views.webmention, name="webmention"),
    path("xmlrpc.php", linkback_views.xmlrpc_endpoint, name="xmlrpc"),
    path("", include("chaikhana.porting.api.urls")),  # /micropub, /micropub/media
    path("", include("chaikhana.federation.urls")),  # /.well-known/webfinger, /ap/…
    path("", include("chaikhana.api.urls")),  # /api/v1/: the JSON API and its OpenAPI document
    path("indieauth/", include("chaikhana.indieauth.urls")),
    path("@<blogname:blog>/", include("chaikhana.urls_blog")),
]

if settings.SERVE_MEDIA:
    # Without nginx in front (make run), the app serves uploads itself.
    urlpatterns.append(re_path(r"^media/(?P<path>.+)$", serve_media))
