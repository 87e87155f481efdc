"""Porting's export routes: /dashboard/export/… (hers) and /dashboard/@<blog>/export/… (owners)."""

from django.urls import path

from chaikhana.porting import views_export

app_name = "porting_export"

urlpatterns = [
    path("dashboard/export/", views_export.my_data, name="my_data"),
    path(
        "dashboard/export/<int:export_id>/download/",
        views_export.my_data_download,
        name="my_data_download",
    ),
    path("dashboard/@<blogname:blog>/export/wxr/", views_export.blog_wxr, name="blog_wxr"),
]
