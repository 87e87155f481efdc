"""A blog's webhooks: /dashboard/@<blog>/webhooks/… (chaikhana/urls.py)."""

from django.urls import path

from chaikhana.webhooks import views

app_name = "webhooks"

urlpatterns = [
    path("", views.blog_list, name="list"),
    path("<int:endpoint_id>/", views.blog_endpoint, name="endpoint"),
    path("<int:endpoint_id>/test/", views.blog_test, name="test"),
    path("<int:endpoint_id>/delete/", views.blog_delete, name="delete"),
]
