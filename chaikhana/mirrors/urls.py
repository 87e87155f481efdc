"""The mirrors' pages: /mirrors/ for readers, /network/mirrors/ for staff."""

from django.urls import path

from chaikhana.mirrors import views

app_name = "mirrors"

urlpatterns = [
    path("mirrors/", views.mirrors_page, name="page"),
    path("mirrors.json", views.mirrors_json, name="json"),
    path("mirrors/minisign.pub", views.public_key, name="public_key"),
    path("mirrors/packs/<str:name>", views.pack, name="pack"),
    path("mirrors/sections/<slug:slug>.epub", views.section_pack, name="section_pack"),
    path("courses/<slug:slug>/materials.epub", views.course_pack, name="course_pack"),
    path("network/mirrors/", views.staff_mirrors, name="staff"),
    path("network/mirrors/<int:pk>/remove/", views.staff_remove, name="remove"),
]
