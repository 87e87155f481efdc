"""Fetch + permission for reports: what a reader may report, and a report for staff."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog, Post
from chaikhana.comments.models import Comment
from chaikhana.network.access import access_staff
from chaikhana.network.reports.models import Report


def access_reportable(kind: str, object_id: int) -> Post | Comment:
    """A public post, or an approved comment on one; 404 for anything a reader cannot see."""
    posts = Post.objects.published().filter(
        blog__is_active=True,
        blog__visibility__in=[Blog.Visibility.PUBLIC, Blog.Visibility.UNLISTED],
    )
    if kind == Report.Kind.POST:
        subject: Post | Comment | None = posts.select_related("blog").filter(pk=object_id).first()
    elif kind == Report.Kind.COMMENT:
        subject = (
            Comment.objects.approved()
            .filter(pk=object_id, post__in=posts)
            .select_related("post__blog")
            .first()
        )
    else:
        subject = None
    if subject is None:
        raise Http404(_("There is nothing to report at this address."))
    return subject


def access_report(user: User, report_id: int) -> Report:
    access_staff(user)
    report = (
        Report.objects.select_related("post__author__user", "comment__author")
        .filter(pk=report_id)
        .first()
    )
    if report is None:
        raise Http404(_("There is no such report."))
    return report
