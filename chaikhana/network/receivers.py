"""What the network records when other apps announce something (none of them imports it)."""

from __future__ import annotations

from typing import Any

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog
from chaikhana.network.actions import audit


def record_member_role_change(
    sender: Any,
    *,
    blog_id: int,
    user_id: int,
    by_id: int | None,
    old_role: str | None,
    new_role: str | None,
    **kwargs: Any,
) -> None:
    """Every role given, changed or taken away on a blog goes into the audit log."""
    blog = Blog.objects.filter(pk=blog_id).first()
    member = User.objects.filter(pk=user_id).first()
    audit(
        actor=User.objects.filter(pk=by_id).first() if by_id else None,
        action="member.role_changed",
        target=blog,
        details={
            "blog_id": blog_id,
            "user_id": user_id,
            "username": member.get_username() if member else "",
            "old_role": old_role,
            "new_role": new_role,
        },
    )
