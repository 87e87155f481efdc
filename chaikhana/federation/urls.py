"""ActivityPub's addresses on the network's host (objects and actors) and the well-known ones."""

from django.urls import path

from chaikhana.federation import views

app_name = "federation"

urlpatterns = [
    path(".well-known/webfinger", views.webfinger, name="webfinger"),
    path(".well-known/host-meta", views.host_meta, name="host_meta"),
    path(".well-known/nodeinfo", views.nodeinfo_links, name="nodeinfo_links"),
    path("nodeinfo/2.1", views.nodeinfo, name="nodeinfo"),
    path("ap/follow", views.remote_follow, name="remote_follow"),
    path("ap/actor", views.site_actor, name="site_actor"),
    path("ap/actor/outbox", views.site_outbox, name="site_outbox"),
    path("ap/inbox", views.shared_inbox, name="shared_inbox"),
    path("ap/posts/<int:pk>", views.post_object, name="post"),
    path("ap/@<str:name>", views.actor, name="actor"),
    path("ap/@<str:name>/inbox", views.actor_inbox, name="inbox"),
    path("ap/@<str:name>/outbox", views.outbox, name="outbox"),
    path("ap/@<str:name>/followers", views.followers, name="followers"),
    path("ap/@<str:name>/following", views.following, name="following"),
    path("ap/@<str:name>/featured", views.featured, name="featured"),
]
