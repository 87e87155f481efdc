"""Newsletters' routes: the public ones under /newsletters/, the owner's under /dashboard/,
the staff's under /network/ (included by chaikhana/urls.py before those apps' catch-alls)."""

from django.urls import path

from chaikhana.newsletters.views import network, owner, public, reader

app_name = "newsletters"

BLOG = "dashboard/@<blogname:blog>/"

urlpatterns = [
    path("newsletters/subscribe/", public.subscribe, name="subscribe"),
    path("newsletters/confirm/<str:token>/", public.confirm, name="confirm"),
    path("newsletters/unsubscribe/<str:secret>/", public.unsubscribe_view, name="unsubscribe"),
    path("newsletters/mine/", reader.mine, name="mine"),
    path("newsletters/mine/<int:subscription_id>/", reader.change, name="change"),
    path(BLOG + "subscribers/", owner.subscribers, name="subscribers"),
    path(BLOG + "subscribers/export.csv", owner.export_csv, name="export"),
    path(BLOG + "subscribers/import/", owner.import_csv, name="import"),
    path(BLOG + "subscribers/<int:subscription_id>/remove/", owner.remove, name="remove"),
    path(BLOG + "posts/<int:post_id>/email/", owner.post_mailing, name="post_mailing"),
    path("network/newsletters/", network.health, name="health"),
]
