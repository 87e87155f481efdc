"""What the portal hears from blogs: a scheduled story that went live on its own."""

from __future__ import annotations

from typing import Any

from chaikhana.portal.actions.workflow import record_scheduled_publication


def on_post_published(sender: Any, *, post_id: int, **kwargs: Any) -> None:
    """Sent after commit by blogs' save_post (and publish_due_posts): ids only."""
    record_scheduled_publication(story_id=post_id)
