"""Staff pages: /network/…"""

from django.urls import path

from chaikhana.network.views import audit, blogs, dashboard, people, settings

app_name = "network"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("audit/", audit.audit_log, name="audit"),
    path("people/", people.people, name="people"),
    path("people/<int:pk>/", people.person, name="person"),
    path(
        "people/<int:pk>/<slug:verb>/",
        people.person_act,
        name="person_act",
    ),
    path("blogs/", blogs.blogs, name="blogs"),
    path("blogs/<int:pk>/", blogs.blog, name="blog"),
    path("blogs/<int:pk>/<slug:verb>/", blogs.blog_act, name="blog_act"),
    path("settings/", settings.edit_settings, name="settings"),
    path("invites/", settings.invites, name="invites"),
    path("invites/<int:pk>/revoke/", settings.revoke_invite, name="invite_revoke"),
]
