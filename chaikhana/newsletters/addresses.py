"""One way to read an email address typed by a stranger, with a message for each mistake."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

MAX_LENGTH = 254  # RFC 5321's path limit, less the angle brackets


def clean_address(value: str) -> str:
    """*value* as a bare address (domain lower-cased), or ValidationError saying what is wrong.

    A display name ("Anna <a@example.org>") and line breaks are refused, not repaired: an
    address is put in a header, and a line break there would let a stranger add headers.
    """
    if any(ch in value for ch in "\r\n\0"):
        raise ValidationError(_("An email address cannot contain a line break."), code="newline")
    value = value.strip()
    if not value:
        raise ValidationError(_("Enter your email address."), code="required")
    if len(value) > MAX_LENGTH:
        raise ValidationError(
            _("This address is too long: an email address has at most 254 characters."),
            code="too_long",
        )
    if "<" in value or ">" in value or '"' in value or " " in value:
        raise ValidationError(
            _("Enter the address alone, such as name@example.org, without a name or brackets."),
            code="display_name",
        )
    try:
        validate_email(value)
    except ValidationError:
        raise ValidationError(
            _("This is not an email address; it looks like name@example.org."), code="invalid"
        ) from None
    local, _at, domain = value.rpartition("@")
    return f"{local}@{domain.lower()}"


def mailbox_hash(email: str) -> str:
    """A keyed hash of an address, for suppression and rate limits (stable, not reversible)."""
    key = f"{settings.SECRET_KEY}\0newsletters".encode()
    return hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()
