"""On a blog's own host (subdomain mode): WebFinger, so ``@blog@blog.domain`` resolves too."""

from django.urls import path

from chaikhana.federation import views

urlpatterns = [
    path(".well-known/webfinger", views.webfinger, name="federation_webfinger"),
    path(".well-known/host-meta", views.host_meta, name="federation_host_meta"),
]
