"""The media library's routes, under /dashboard/@<blog>/media/."""

from django.urls import path

from chaikhana.media import editor, views

app_name = "media"

urlpatterns = [
    path("", views.library, name="library"),
    path("upload/", views.upload, name="upload"),
    path("editor-upload/", editor.editor_upload, name="editor_upload"),
    path("editor-upload.json", editor.editor_upload, {"as_json": True}, name="editor_upload_json"),
    path("<int:media_id>/", views.edit, name="edit"),
    path("<int:media_id>/delete/", views.delete, name="delete"),
]
