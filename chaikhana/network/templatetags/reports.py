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


@register.simple_tag(takes_context=True)
def report_link(context: template.Context, subject: Post | Comment) -> str:
    kind = Report.Kind.COMMENT if isinstance(subject, Comment) else Report.Kind.POST
    path = reverse(
        "reports:new", kwargs={"kind": kind, "object_id": subject.pk}, urlconf=settings.ROOT_URLCONF
    )
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
