"""The owner's fediverse page under /dashboard/ (included by chaikhana/urls.py)."""

from django.urls import path

from chaikhana.federation import views_dashboard

app_name = "federation_dashboard"

BLOG = "@<blogname:blog>/fediverse/"

urlpatterns = [
    path(BLOG, views_dashboard.fediverse, name="fediverse"),
    path(BLOG + "followers/<int:pk>/accept/", views_dashboard.accept, name="accept"),
    path(BLOG + "followers/<int:pk>/remove/", views_dashboard.remove, name="remove"),
    path(BLOG + "followers/<int:pk>/block/", views_dashboard.block, name="block"),
]
