"""The events one may subscribe to, and who may (a blog's owner, the network's staff)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

EVENTS: dict[str, Promise] = {
    "post.published": _("A post was published"),
    "post.updated": _("A published post was changed"),
    "post.deleted": _("A post was deleted"),
    "comment.received": _("A comment arrived (before moderation)"),
    "comment.approved": _("A comment was approved and shown"),
    "submission.changed": _("A portal submission changed state"),
    "registration.created": _("Someone registered for a course session"),
}
# A blog hears about its own posts and comments; the network also about the portal's
# workflow and the school. Drafts and comments waiting for moderation stay within the blog.
BLOG_EVENTS = (
    "post.published",
    "post.updated",
    "post.deleted",
    "comment.received",
    "comment.approved",
)
NETWORK_EVENTS = (
    "post.published",
    "post.updated",
    "post.deleted",
    "comment.approved",
    "submission.changed",
    "registration.created",
)
TEST_EVENT = "webhook.test"
