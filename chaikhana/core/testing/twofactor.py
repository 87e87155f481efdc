"""Helpers for the two-factor tests: real RFC 6238 codes computed from a device's key."""

from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from chaikhana.accounts.twofactor import actions


def code_for(device: TOTPDevice) -> str:
    """The code an authenticator app shows now for *device* (RFC 6238, HMAC-SHA1)."""
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{value:0{device.digits}d}"


def enrol(user) -> tuple[TOTPDevice, list[str]]:
    """A confirmed authenticator and its recovery codes, made the way the page makes them."""
    device = actions.start_enrolment(user=user)
    codes = actions.confirm_enrolment(device=device, code=code_for(device))
    device.refresh_from_db()
    return device, codes


def recovery_codes(user) -> set[str]:
    return set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))


def log_in_verified(client, user) -> TOTPDevice:
    """Log *user* in as if she had typed a right code: a confirmed device, in the session."""
    from django_otp import DEVICE_ID_SESSION_KEY

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device
