"""``{% report_link post %}`` / ``{% report_link comment %}``: the small "Report" link.

Blogs' and comments' templates load this tag so their Python never imports network (a
listener). The link is a plain GET: the post page stays cacheable, with no CSRF token.
"""

from __future__ import annotations

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from chaikhana.blogs.models import Post
from chaikhana.comments.models import Comment
from chaikhana.network.reports.models import Report

register = template.Library()


def _report_path(subject: Post | Comment, on: Post | None) -> str:
    """Where *subject* is reported: its post's blog and slug (and the comment's id)."""
    if isinstance(subject, Post):
        kwargs: dict[str, object] = {"blog": subject.blog.name, "slug": subject.slug}
        return reverse("reports:post", kwargs=kwargs, urlconf=settings.ROOT_URLCONF)
    post = on if on is not None and on.pk == subject.post_id else subject.post
    kwargs = {"blog": post.blog.name, "slug": post.slug, "comment_id": subject.pk}
    return reverse("reports:comment", kwargs=kwargs, urlconf=settings.ROOT_URLCONF)


@register.simple_tag(takes_context=True)
def report_link(context: template.Context, subject: Post | Comment, on: Post | None = None) -> str:
    """*on*: a comment's post, which the page already holds (no query per comment)."""
    kind = Report.Kind.COMMENT if isinstance(subject, Comment) else Report.Kind.POST
    path = _report_path(subject, on)
    request: HttpRequest | None = context.get("request")
    if request is not None and getattr(request, "blog_name", None):
        path = f"//{settings.BLOG_DOMAIN}{path}"  # a blog's own host knows only its pages
    label = _("Report this comment") if kind == Report.Kind.COMMENT else _("Report this post")
    return format_html(
        '<a class="report" rel="nofollow" href="{}" title="{}">{}</a>', path, label, _("Report")
    )


@register.inclusion_tag("network/reports/_notice.html")
def moderation_notice(post: Post) -> dict[str, object]:
    """For the owner's dashboard: why moderators hid her post, if they did."""
    decided = Report.objects.filter(
        post=post, comment__isnull=True, status__in=[Report.Status.HIDDEN, Report.Status.SUSPENDED]
    ).order_by("-decided_at")
    return {"report": decided.first()}
