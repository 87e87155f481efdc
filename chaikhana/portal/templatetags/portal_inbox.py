"""{% unread_notifications %}: her unread portal notifications, for the desk's header."""

from __future__ import annotations

from django import template

from chaikhana.portal.models import Notification

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context: template.Context) -> int:
    user = context["request"].user
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
