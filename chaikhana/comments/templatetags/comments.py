"""The comments section of a post page, included by blogs' template.

blogs never imports comments (the dependency runs the other way), so
``blogs/post_detail.html`` loads this library and calls ``{% comments_section post %}``
for the thread and form, and ``{% comment_feed_links post %}`` in its <head>.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from chaikhana.blogs.models import Post
from chaikhana.comments.actions.posting import check_open
from chaikhana.comments.forms import CommentForm
from chaikhana.comments.identity import shown_name
from chaikhana.comments.models import CommentSettings
from chaikhana.comments.thread import build_thread
from chaikhana.core.errors import ActionError

register = template.Library()


def _closed_reason(post: Post, policy: CommentSettings, user: Any) -> str:
    try:
        check_open(post, policy, user if user.is_authenticated else None)
    except ActionError as err:
        return str(err.message)
    return ""


def _reply_to(request: Any) -> int | None:
    value = request.GET.get("replyto", "")
    return int(value) if value.isdigit() else None


@register.inclusion_tag("comments/_section.html", takes_context=True)
def comments_section(context: template.Context, post: Post) -> dict[str, Any]:
    """The thread and, while comments are open, the form (bound again after an error)."""
    request = context["request"]
    policy = CommentSettings.objects.of(post.blog)
    roots, count = build_thread(request, post)
    signed_in = request.user.is_authenticated
    form = context.get("comment_form") or CommentForm(
        signed_in=signed_in, initial={"parent": _reply_to(request)}, scope=f"post-{post.pk}"
    )
    closed = _closed_reason(post, policy, request.user)
    return {
        "request": request,
        "post": post,
        "blog": post.blog,
        "roots": roots,
        "count": count,
        "form": form,
        "closed": closed,
        "replying_to": form["parent"].value(),
        "signed_in": signed_in,
        "commenter_name": shown_name(request.user, post) if signed_in else "",
        "csrf_token": context.get("csrf_token"),
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }


@register.simple_tag
def comment_feed_links(post: Post) -> str:
    """<link rel="alternate"> for the post's comment feeds (RSS, Atom and JSON Feed)."""
    return format_html(
        '<link rel="alternate" type="application/rss+xml" title="{} (RSS)" href="{}">\n'
        '<link rel="alternate" type="application/atom+xml" title="{} (Atom)" href="{}">\n'
        '<link rel="alternate" type="application/feed+json" title="{} (JSON Feed)" href="{}">\n',
        _feed_title(post),
        post.blog.url("blogs:comments:post_feed", slug=post.slug),
        _feed_title(post),
        post.blog.url("blogs:comments:post_feed_atom", slug=post.slug),
        _feed_title(post),
        post.blog.url("blogs:comments:post_feed_json", slug=post.slug),
    )


def _feed_title(post: Post) -> str:
    return _("Comments on “%(title)s”") % {"title": post.title}
