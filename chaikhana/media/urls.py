"""The media library's routes, under /dashboard/@<blog>/media/."""

from django.urls import path

from chaikhana.media import views

app_name = "media"

urlpatterns = [
    path("", views.library, name="library"),
    path("upload/", views.upload, name="upload"),
    path("<int:media_id>/", views.edit, name="edit"),
    path("<int:media_id>/delete/", views.delete, name="delete"),
]
