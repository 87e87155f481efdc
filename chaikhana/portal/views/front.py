"""The portal's front page: until the edited portal exists, the network's newest posts."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from chaikhana.blogs.views.network import newest_network_posts

FRONT_PAGE_POSTS = 15


def home(request: HttpRequest) -> HttpResponse:
    context = {"posts": newest_network_posts(FRONT_PAGE_POSTS)}
    return render(request, "portal/home.html", context)
