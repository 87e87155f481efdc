"""Staff pages of federation under /network/fediverse/ (included by chaikhana/urls.py)."""

from django.urls import path

from chaikhana.federation import views_network

app_name = "federation_network"

urlpatterns = [
    path("", views_network.servers, name="servers"),
    path("<int:pk>/remove/", views_network.remove, name="remove"),
]
