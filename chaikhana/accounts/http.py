"""The request type of views behind @login_required.

It lives in accounts, not core, because it names our User and core is below accounts.
"""

from __future__ import annotations

from django.http import HttpRequest

from chaikhana.accounts.models import User


class AuthedRequest(HttpRequest):
    """A request behind @login_required: its user is a real account (django-stubs idiom)."""

    user: User
