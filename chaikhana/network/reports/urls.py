"""Report routes: /report/@<blog>/<slug>/ (and …/comments/<id>/) for readers, /network/reports/
for staff. Addressed like the post page, so a report page finds only what that page shows."""

from django.urls import path

from chaikhana.network.reports import views

app_name = "reports"

urlpatterns = [
    path("report/@<slug:blog>/<slug:slug>/", views.report_post, name="post"),
    path(
        "report/@<slug:blog>/<slug:slug>/comments/<int:comment_id>/",
        views.report_comment,
        name="comment",
    ),
    path("network/reports/", views.queue, name="queue"),
    path("network/reports/<int:report_id>/hide/", views.hide, name="hide"),
    path("network/reports/<int:report_id>/dismiss/", views.dismiss, name="dismiss"),
    path("network/reports/<int:report_id>/suspend/", views.suspend_author, name="suspend_author"),
]
