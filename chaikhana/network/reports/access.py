"""Fetch + permission for reports: what a reader may report, and a report for staff."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.access import MovedPost, access_blog, access_public_post
from chaikhana.blogs.models import Post
from chaikhana.comments.models import Comment
from chaikhana.network.access import access_staff
from chaikhana.network.reports.models import Report

# Reports are addressed like the pages they report (blog + slug), never by a row id: a
# sequential id would let anyone walk every post and comment of unlisted blogs (issue 13).


def access_reportable_post(user: User | None, blog_name: str, slug: str) -> Post:
    """The published post at *blog_name*/*slug*, if *user* may read its page; 404 otherwise.

    The post page's own rules decide (private blogs, drafts, suspended blogs); a post that
    moved to a new slug is still the same post to report.
    """
    blog, membership = access_blog(user, blog_name)
    try:
        post = access_public_post(user, blog, membership, slug)
    except MovedPost as moved:
        post = moved.post
    if not post.is_public:  # a private post has no "Report" link and no report page
        raise Http404(_("There is nothing to report at this address."))
    return post


def access_reportable_comment(
    user: User | None, blog_name: str, slug: str, comment_id: int
) -> Comment:
    """An approved comment under a post *user* may read (as above); 404 otherwise."""
    post = access_reportable_post(user, blog_name, slug)
    comment = Comment.objects.approved().filter(post=post, pk=comment_id).first()
    if comment is None:
        raise Http404(_("There is nothing to report at this address."))
    comment.post = post  # the page shows the post's title and link
    return comment


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
