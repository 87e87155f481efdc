"""Porting's dashboard routes: /dashboard/@<blog>/import/…"""

from django.urls import path

from chaikhana.porting import views

app_name = "porting"

urlpatterns = [
    path("", views.import_upload, name="import_upload"),
    path("livejournal/", views.import_lj_upload, name="import_lj_upload"),
    path("<int:run_id>/", views.import_run, name="import_run"),
]
