"""IndieAuth's routes, under /indieauth/ (chaikhana/urls.py)."""

from django.urls import path

from chaikhana.indieauth import views

app_name = "indieauth"

urlpatterns = [
    path("metadata", views.metadata, name="metadata"),
    path("auth", views.authorize, name="authorize"),
    path("consent", views.consent, name="consent"),
    path("token", views.token, name="token"),
    path("revoke", views.revoke, name="revoke"),
    path("introspect", views.introspect, name="introspect"),
    path("grants/<int:grant_id>/revoke", views.grant_revoke, name="grant_revoke"),
]
