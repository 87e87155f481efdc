"""The dashboard's list of unread comment notifications (writing's template includes it)."""

from __future__ import annotations

from typing import Any

from django import template

from chaikhana.comments.models import Notification

register = template.Library()
SHOWN = 20


@register.inclusion_tag("comments/_notifications.html", takes_context=True)
def comment_notifications(context: template.Context) -> dict[str, Any]:
    user = context["request"].user
    notices = list(Notification.objects.unread_for(user)[:SHOWN]) if user.is_authenticated else []
    return {"notifications": notices, "csrf_token": context.get("csrf_token")}
