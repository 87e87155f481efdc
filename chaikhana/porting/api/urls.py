"""Routes of the Micropub endpoints (included at the site root by chaikhana/urls.py)."""

from django.urls import path

from chaikhana.porting.api.micropub import views

urlpatterns = [
    path("micropub", views.micropub, name="micropub"),
    path("micropub/media", views.media_endpoint, name="micropub_media"),
]
