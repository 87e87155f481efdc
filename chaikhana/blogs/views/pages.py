"""A blog's front page and its single posts and pages."""

from __future__ import annotations

from csp.decorators import csp_replace
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect

from chaikhana.blogs.access import MovedPost, access_public_post
from chaikhana.blogs.models import Post
from chaikhana.blogs.views.common import paginate, reader_blog, render_blog_page
from chaikhana.core.csp import POST_PAGE


def blog_home(request: HttpRequest, blog: str | None = None) -> HttpResponse:
    """The blog's newest posts, ``posts_per_page`` at a time."""
    the_blog, membership = reader_blog(request, blog)
    posts = (
        Post.objects.for_blog(the_blog)
        .posts()
        .readable_by(request.user, membership)  # type: ignore[arg-type]
        .for_listing()
    )
    page = paginate(request, posts, the_blog.posts_per_page)
    return render_blog_page(request, "blogs/home.html", the_blog, {"page": page})


@csp_replace(POST_PAGE)  # type: ignore[arg-type]  # a post page loads no script: none may run
def post_detail(request: HttpRequest, slug: str, blog: str | None = None) -> HttpResponse:
    """One post or page; an old address answers 301 so links and bookmarks keep working."""
    the_blog, membership = reader_blog(request, blog)
    try:
        post = access_public_post(request.user, the_blog, membership, slug)  # type: ignore[arg-type]
    except MovedPost as moved:
        return HttpResponsePermanentRedirect(moved.post.get_absolute_url())
    return render_blog_page(request, "blogs/post_detail.html", the_blog, {"post": post})
