"""``{% indieauth_grants_of user as grants %}`` for the section accounts' application
passwords page includes (indieauth/_grants.html); accounts' Python never imports us."""

from __future__ import annotations

from django import template

from chaikhana.accounts.models import User
from chaikhana.indieauth.models import Grant

register = template.Library()


@register.simple_tag
def indieauth_grants_of(user: User) -> list[Grant]:
    return list(Grant.objects.of(user).signed_in().order_by("-created_at"))
