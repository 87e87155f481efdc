"""Purging what was marked for deletion once its grace period is over."""

from __future__ import annotations

from functools import partial

from django.db import transaction

from chaikhana.accounts import actions as account_actions
from chaikhana.accounts.models import User
from chaikhana.blogs import signals
from chaikhana.blogs.models import Blog
from chaikhana.network.actions.audit import audit
from chaikhana.network.models import PendingDeletion


@transaction.atomic
def purge_deletion(*, deletion: PendingDeletion) -> None:
    """Delete the user or blog for good; safe to run twice (the row goes with it)."""
    if deletion.kind == PendingDeletion.Kind.USER:
        if (user := User.objects.filter(pk=deletion.object_id).first()) is not None:
            account_actions.delete_account(user=user)  # her lone blogs go with her
    elif (blog := Blog.objects.filter(pk=deletion.object_id).first()) is not None:
        blog.delete()
        transaction.on_commit(partial(signals.blog_changed.send, Blog, blog_id=deletion.object_id))
    audit(actor=None, action=f"{deletion.kind}.purged", target=None,
          details={"id": deletion.object_id, "label": deletion.label})  # fmt: skip
    PendingDeletion.objects.filter(pk=deletion.pk).delete()


def purge_due_deletions() -> int:
    """Purge every deletion whose grace period is over; how many were purged."""
    due = list(PendingDeletion.objects.due())
    for deletion in due:
        purge_deletion(deletion=deletion)
    return len(due)
