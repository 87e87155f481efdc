"""The network's directory of blogs, and the newest posts across its listed blogs."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from chaikhana.blogs.models import Blog, Post, PostQuerySet
from chaikhana.blogs.views.common import paginate

BLOGS_PER_PAGE = 50
NEWEST_POSTS = 10


def newest_network_posts(limit: int = NEWEST_POSTS) -> PostQuerySet:
    """Published posts of listed blogs only: unlisted and private blogs stay out of sight."""
    return Post.objects.in_listed_blogs().posts().published().for_listing()[:limit]


def directory(request: HttpRequest) -> HttpResponse:
    """/blogs/: every listed blog, paged, and what they published last."""
    page = paginate(request, Blog.objects.listed(), BLOGS_PER_PAGE)
    context = {"page": page, "posts": newest_network_posts()}
    return render(request, "blogs/directory.html", context)
