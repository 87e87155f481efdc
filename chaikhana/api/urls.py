"""/api/v1/: the JSON API (see chaikhana/api/main.py)."""

from django.urls import path

from chaikhana.api.main import api

urlpatterns = [path("api/v1/", api.urls)]
