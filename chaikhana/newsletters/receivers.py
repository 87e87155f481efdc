"""What newsletters does when others announce something (none of them imports newsletters)."""

from __future__ import annotations

from typing import Any

from chaikhana.accounts.models import User
from chaikhana.newsletters import actions
from chaikhana.newsletters.tasks import open_post_issues_task

# Anymail's normalised events that mean "never write to this address again".
STOP_EVENTS = {"bounced", "complained", "unsubscribed"}


def on_post_published(sender: Any, *, post_id: int, **kwargs: Any) -> None:
    """post_published (after commit; never for imports or for a scheduled post before its time)."""
    open_post_issues_task.enqueue(post_id=post_id)


def on_account_deleting(sender: Any, *, user_id: int, **kwargs: Any) -> None:
    """An account is being deleted: her subscriptions go with it, in the same transaction."""
    email = User.objects.filter(pk=user_id).values_list("email", flat=True).first()
    if email:
        actions.forget_address(email=email)


def on_tracking(sender: Any, *, event: Any, **kwargs: Any) -> None:
    """Anymail's tracking webhook: a hard bounce or a complaint stops mail to the address.

    A soft bounce ("deferred") is the provider's to retry; "bounced" is its hard bounce.
    """
    kind, recipient = str(event.event_type or ""), str(event.recipient or "")
    if kind in STOP_EVENTS and recipient:
        actions.suppress_address(email=recipient, reason=kind)
