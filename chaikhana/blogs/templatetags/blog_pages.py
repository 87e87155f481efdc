"""Template helpers for public blog pages: addresses in either host mode, safe custom CSS,
and what link previews show (core/sharing.py)."""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from chaikhana.blogs.customcss import validate_custom_css
from chaikhana.blogs.models import Blog, Post
from chaikhana.core.sharing import Share, share_image
from chaikhana.core.templatetags.share import share_meta

register = template.Library()


@register.simple_tag
def blog_url(blog: Blog, viewname: str, **kwargs: object) -> str:
    """``blog.url()`` for templates.

    Lists use this instead of ``category.get_absolute_url`` because that would load each
    term's blog again: one query per link.
    """
    return blog.url(viewname, **kwargs)


@register.filter
def style_safe(css: str) -> SafeString:
    """Custom CSS made unable to leave its <style> element, or nothing if it fails the check.

    The CSS is validated when saved (blogs/customcss.py); rows saved before a stricter check
    (or by an import) are checked again here, once per distinct text, and left out if they
    fail. Every "<" is stripped as well, because only "</style" can end the element.
    HTML-escaping would instead break selectors such as ``a > b``.
    """
    text = str(css or "")
    return mark_safe(text.replace("<", "") if _passes_check(text.replace("<", "")) else "")


@lru_cache(maxsize=512)
def _passes_check(css: str) -> bool:
    try:
        validate_custom_css(css)
    except ValidationError:
        return False
    return True


def _page_address(blog: Blog, request: HttpRequest) -> str:
    """This page of *blog* in the form ``Blog.url()`` gives (path, or //host/path)."""
    if settings.BLOG_HOST_MODE == "subdomain":
        # Read at /@name/… on the onion (one host): the blog's own host is still canonical.
        path = request.path.removeprefix(f"/@{blog.name}") or "/"
        return f"//{blog.name}.{settings.BLOG_DOMAIN}{path}"
    return request.path


@register.inclusion_tag("core/_share.html", takes_context=True)
def share_blog(context: template.Context, blog: Blog, heading: str = "") -> dict[str, object]:
    """A blog's home, one of its archives or another of its pages, as a preview shows it."""
    title = f"{heading} · {blog.title}" if heading else blog.title
    url = _page_address(blog, context["request"])
    return share_meta(Share(title=title, url=url, site_name=blog.title, description=blog.tagline))


@register.inclusion_tag("core/_share.html")
def share_post(post: Post) -> dict[str, object]:
    """A public post or page: an article with its byline (the pen name, never an account)."""
    is_post = post.kind == Post.Kind.POST
    byline = post.byline or (post.author.pen_name if post.author else "")
    share = Share(
        title=post.title,
        url=post.get_absolute_url(),
        site_name=post.blog.title,
        description=post.summary,
        kind="article" if is_post else "website",
        image=share_image(post),
        published=post.published_at if is_post else None,
        modified=post.updated_at if is_post else None,
        schema="BlogPosting" if is_post else "",
        author=byline if is_post else "",
        language=post.language,
    )
    return share_meta(share)
