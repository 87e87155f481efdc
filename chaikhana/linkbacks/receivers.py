"""What linkbacks does when blogs announces a post (already after commit, ids only)."""

from __future__ import annotations

from typing import Any

from chaikhana.core.tasks import enqueue_on_commit


def on_post_saved(sender: Any, *, post_id: int, **kwargs: Any) -> None:
    """Tell the pages a public post links to (and those it stopped linking to)."""
    from chaikhana.linkbacks.tasks import send_linkbacks_task

    enqueue_on_commit(send_linkbacks_task, post_id=post_id)
