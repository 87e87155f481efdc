"""Reads over a person's django-otp devices: which she has, and whether she must have one."""

from __future__ import annotations

from collections.abc import Callable

from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from chaikhana.accounts.models import User

# One authenticator app and one set of recovery codes per person, under these names.
TOTP_NAME = "authenticator"
RECOVERY_NAME = "recovery"


def has_two_factor(user: User) -> bool:
    """True once she has confirmed an authenticator app: from then on logins ask for a code."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


# Who else holds rights over other people's writing, registered at start-up by the apps that
# grant them (the portal: its desk roles), since accounts may not import those apps.
_also_required: list[Callable[[User], bool]] = []


def require_two_factor_for(holds_rights: Callable[[User], bool]) -> None:
    """Called once by an app whose roles must need a second factor (idempotent)."""
    if holds_rights not in _also_required:
        _also_required.append(holds_rights)


def requires_two_factor(user: User) -> bool:
    """Whether the network insists on a second factor for *user*.

    Staff decide on other people's writing and accounts, and the portal's desk sees private
    sources and unpublished stories, so a stolen password alone must not be enough.
    """
    if user.is_staff or user.is_superuser:
        return True
    return any(holds_rights(user) for holds_rights in _also_required)


def session_verified(user: object) -> bool:
    """django-otp's ``user.is_verified()``: this session gave a second factor (OTPMiddleware)."""
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
