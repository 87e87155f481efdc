"""Staff pages: /network/… — one URL for each thing staff may do."""

from django.urls import path

from chaikhana.network.views import audit, blocklist, blogs, dashboard, people, settings

app_name = "network"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("audit/", audit.audit_log, name="audit"),
    path("people/", people.people, name="people"),
    path("people/<int:pk>/", people.person, name="person"),
    path("people/<int:pk>/suspend/", people.suspend, name="person_suspend"),
    path("people/<int:pk>/restore/", people.restore, name="person_restore"),
    path("people/<int:pk>/delete/", people.delete, name="person_delete"),
    path("people/<int:pk>/quota/", people.set_quota, name="person_quota"),
    path("people/<int:pk>/limit/", people.set_blog_limit, name="person_limit"),
    path("blogs/", blogs.blogs, name="blogs"),
    path("blogs/<int:pk>/", blogs.blog, name="blog"),
    path("blogs/<int:pk>/suspend/", blogs.suspend, name="blog_suspend"),
    path("blogs/<int:pk>/restore/", blogs.restore, name="blog_restore"),
    path("blogs/<int:pk>/delete/", blogs.delete, name="blog_delete"),
    path("blocklist/", blocklist.blocklist, name="blocklist"),
    path("blocklist/words/", blocklist.block_word, name="block_word"),
    path("blocklist/domains/", blocklist.block_domain, name="block_domain"),
    path("blocklist/<int:pk>/remove/", blocklist.unblock, name="unblock"),
    path("settings/", settings.edit_settings, name="settings"),
    path("invites/", settings.invites, name="invites"),
    path("invites/<int:pk>/revoke/", settings.revoke_invite, name="invite_revoke"),
]
