"""The network's icons and manifest, at the addresses browsers look for, on every host."""

from django.urls import path

from chaikhana.core import views

urlpatterns = [
    path("favicon.ico", views.favicon, name="favicon"),
    path("apple-touch-icon.png", views.apple_touch_icon, name="apple_touch_icon"),
    path("icons/<int:size>.png", views.app_icon, name="app_icon"),
    path("manifest.webmanifest", views.web_manifest, name="web_manifest"),
]
