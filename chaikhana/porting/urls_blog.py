"""WordPress-shaped addresses on a blog, tried after all of the blog's own routes."""

from django.urls import re_path

from chaikhana.porting import views

urlpatterns = [re_path(r"^(?P<path>.+)/$", views.legacy_link, name="wordpress_link")]
