"""Report routes: /report/<kind>/<id>/ for readers, /network/reports/ for staff."""

from django.urls import path

from chaikhana.network.reports import views

app_name = "reports"

urlpatterns = [
    path("report/<str:kind>/<int:object_id>/", views.report, name="new"),
    path("network/reports/", views.queue, name="queue"),
    path("network/reports/<int:report_id>/hide/", views.hide, name="hide"),
    path("network/reports/<int:report_id>/dismiss/", views.dismiss, name="dismiss"),
    path("network/reports/<int:report_id>/suspend/", views.suspend_author, name="suspend_author"),
]
