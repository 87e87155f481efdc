"""Checks on what people type when they register: phone numbers (emails use Django's)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# E.164 allows at most 15 digits; Kyrgyz numbers have 12 with the country code (+996 …).
_PHONE = re.compile(r"^\+?[0-9 ()\-]+$")
MIN_DIGITS, MAX_DIGITS = 6, 15


def normalise_phone(value: str) -> str:
    """The number as digits with an optional leading +, or ValidationError."""
    value = value.strip()
    digits = re.sub(r"\D", "", value)
    if not _PHONE.match(value) or not MIN_DIGITS <= len(digits) <= MAX_DIGITS:
        raise ValidationError(
            _("Enter a phone number of digits, for example +996 555 123 456."), code="phone"
        )
    return ("+" if value.startswith("+") else "") + digits
