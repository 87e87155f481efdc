"""Every write of the newsletters app (docs/newsletters.md)."""

from chaikhana.newsletters.actions.lists import list_for_blog, list_for_section, list_for_tag
from chaikhana.newsletters.actions.sending import (
    has_pending,
    open_digests,
    open_post_issues,
    queue_issue,
    send_pending,
    wake_sender,
)
from chaikhana.newsletters.actions.subscriptions import (
    confirm_subscription,
    forget_address,
    purge_subscriptions,
    remove_subscriber,
    request_subscription,
    set_post_mailing,
    suppress_address,
    unsubscribe,
    update_preferences,
)

__all__ = [
    "confirm_subscription",
    "forget_address",
    "has_pending",
    "list_for_blog",
    "list_for_section",
    "list_for_tag",
    "open_digests",
    "open_post_issues",
    "purge_subscriptions",
    "queue_issue",
    "remove_subscriber",
    "request_subscription",
    "send_pending",
    "set_post_mailing",
    "suppress_address",
    "unsubscribe",
    "update_preferences",
    "wake_sender",
]
