"""Report routes: /report/<kind>/<id>/ for readers, /network/reports/ for staff."""

from django.urls import path

from chaikhana.network.reports import views

app_name = "reports"

urlpatterns = [
    path("report/<str:kind>/<int:object_id>/", views.report, name="new"),
    path("network/reports/", views.queue, name="queue"),
    path("network/reports/<int:report_id>/<str:decision>/", views.decide, name="decide"),
]
