"""Writes for two-factor authentication: enrol, verify a code, disable."""

from __future__ import annotations

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from chaikhana.accounts.models import User
from chaikhana.accounts.twofactor.devices import RECOVERY_NAME, TOTP_NAME, has_two_factor
from chaikhana.core.errors import ActionError, InvalidTransition

RECOVERY_CODES = 10


def normalise_code(code: str) -> str:
    """Codes are typed by hand from a phone or paper: ignore spaces, dashes and case."""
    return "".join(code.split()).replace("-", "").lower()


@transaction.atomic
def start_enrolment(*, user: User) -> TOTPDevice:
    """The unconfirmed authenticator she is setting up; the same key until she confirms it."""
    if has_two_factor(user):
        raise InvalidTransition(_("Two-factor authentication is already on for your account."))
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        # django-otp's defaults are RFC 6238's: HMAC-SHA1, 30-second steps, 6 digits.
        device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
    return device


def confirm_enrolment(*, device: TOTPDevice, code: str) -> list[str]:
    """Confirm *device* with a first code from her app; return new recovery codes (once)."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        if device.confirmed:
            raise InvalidTransition(_("Two-factor authentication is already on for your account."))
        refused = _attempt(device, normalise_code(code))
        if refused is None:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            return replace_recovery_codes(user=device.user)
    # Raised after the commit, so the failure django-otp counted (its throttle) is kept.
    raise ActionError(refused, field="code")


@transaction.atomic
def replace_recovery_codes(*, user: User) -> list[str]:
    """Ten new single-use recovery codes; any older ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def _attempt(device: Device, code: str) -> str | None:
    """None when *device* accepts *code*, else why not; django-otp counts failures and throttles."""
    allowed, info = device.verify_is_allowed()
    if not allowed:
        until = (info or {}).get("locked_until") or timezone.now()
        return _("Too many wrong codes. Try again after %(time)s.") % {
            "time": formats.time_format(timezone.localtime(until), "TIME_FORMAT")
        }
    if not device.verify_token(code):
        return _("This code is not right. Check that the time on your phone is correct.")
    return None


def verify_code(*, user: User, code: str) -> Device:
    """The device that accepts *code*: her app's 6 digits, or one recovery code (used up)."""
    code = normalise_code(code)
    with transaction.atomic():
        device, refused = _verify(user, code)
    if refused is not None:  # raised after the commit, so the counted failure is kept
        raise ActionError(refused, field="code")
    return device


def _verify(user: User, code: str) -> tuple[Device, str | None]:
    totp = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
    if totp is None:
        raise InvalidTransition(_("Two-factor authentication is off for your account."))
    # Route by shape so a recovery code never counts as a failed app code, and vice versa.
    if code.isdigit() and len(code) == totp.digits:
        return totp, _attempt(totp, code)
    recovery = StaticDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
    if recovery is None:
        return totp, _("This code is not right.")
    return recovery, _attempt(recovery, code)


def disable_two_factor(*, user: User, code: str = "", password: str = "") -> None:
    """Remove her authenticator and recovery codes, proven by a current code or her password."""
    if not has_two_factor(user):
        raise InvalidTransition(_("Two-factor authentication is already off."))
    if code:
        verify_code(user=user, code=code)
    elif not password:
        raise ActionError(_("Give a current code or your password."), field="code")
    elif not user.check_password(password):
        raise ActionError(_("This is not your password."), field="password")
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
