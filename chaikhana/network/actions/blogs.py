"""Suspending, restoring and deleting blogs (their owners' own deletion is in blogs)."""

from __future__ import annotations

from datetime import timedelta
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs import signals
from chaikhana.blogs.models import Blog
from chaikhana.core.errors import InvalidTransition
from chaikhana.core.tasks import enqueue_on_commit
from chaikhana.network.actions.audit import audit
from chaikhana.network.models import PendingDeletion

GRACE_DAYS = 30


def announce_blog(blog_id: int) -> None:
    """After commit, tell listeners (page cache, feeds, search) the blog changed."""
    transaction.on_commit(partial(signals.blog_changed.send, Blog, blog_id=blog_id))


def _pending(blog: Blog) -> PendingDeletion | None:
    return PendingDeletion.objects.filter(kind=PendingDeletion.Kind.BLOG, object_id=blog.pk).first()


@transaction.atomic
def suspend_blog(*, blog: Blog, by: User, reason: str) -> Blog:
    """Hide *blog* from everyone; its owner reads *reason* in her dashboard."""
    blog = Blog.objects.select_for_update().get(pk=blog.pk)
    if not blog.is_active:
        raise InvalidTransition(_("This blog is already suspended."))
    blog.is_active, blog.suspended_reason = False, reason
    blog.save(update_fields=["is_active", "suspended_reason", "updated_at"])
    audit(actor=by, action="blog.suspended", target=blog, details={"reason": reason})
    announce_blog(blog.pk)
    return blog


@transaction.atomic
def restore_blog(*, blog: Blog, by: User) -> Blog:
    """Show a suspended blog again, cancelling its deletion if one is pending."""
    blog = Blog.objects.select_for_update().get(pk=blog.pk)
    if blog.is_active:
        raise InvalidTransition(_("This blog is not suspended."))
    blog.is_active, blog.suspended_reason = True, ""
    blog.save(update_fields=["is_active", "suspended_reason", "updated_at"])
    PendingDeletion.objects.filter(kind=PendingDeletion.Kind.BLOG, object_id=blog.pk).delete()
    audit(actor=by, action="blog.restored", target=blog)
    announce_blog(blog.pk)
    return blog


@transaction.atomic
def delete_blog(*, blog: Blog, by: User, reason: str = "") -> PendingDeletion:
    """Hide *blog* now; a task purges it after the grace period unless it is restored."""
    blog = Blog.objects.select_for_update().get(pk=blog.pk)
    if _pending(blog) is not None:
        raise InvalidTransition(_("This blog is already marked for deletion."))
    blog.is_active = False
    blog.suspended_reason = reason or _("The blog is marked for deletion.")
    blog.save(update_fields=["is_active", "suspended_reason", "updated_at"])
    pending = PendingDeletion.objects.create(
        kind=PendingDeletion.Kind.BLOG, object_id=blog.pk, label=blog.name, requested_by=by,
        due_at=timezone.now() + timedelta(days=GRACE_DAYS),
    )  # fmt: skip
    audit(actor=by, action="blog.deletion_requested", target=blog,
          details={"due_at": pending.due_at.isoformat()})  # fmt: skip
    announce_blog(blog.pk)
    from chaikhana.network.tasks import purge_deletion  # tasks import actions

    enqueue_on_commit(purge_deletion, run_after=pending.due_at, deletion_id=pending.pk)
    return pending
