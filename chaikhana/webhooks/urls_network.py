"""The network's webhooks: /network/webhooks/… (staff; chaikhana/urls.py)."""

from django.urls import path

from chaikhana.webhooks import views

app_name = "network_webhooks"

urlpatterns = [
    path("", views.network_list, name="list"),
    path("<int:endpoint_id>/", views.network_endpoint, name="endpoint"),
    path("<int:endpoint_id>/test/", views.network_test, name="test"),
    path("<int:endpoint_id>/delete/", views.network_delete, name="delete"),
]
