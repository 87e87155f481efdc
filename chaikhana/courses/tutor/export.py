"""The roster as CSV for spreadsheets: Excel-friendly, and inert when a spreadsheet opens it."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from django.utils.translation import gettext as _

from chaikhana.courses.models import Registration

# Excel decides the encoding of a CSV file by its first bytes: without a BOM it reads
# UTF-8 Cyrillic as cp1251 mojibake.
BOM = "\ufeff"
# OWASP "CSV Injection": a cell starting with one of these is a formula to a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def roster_csv(registrations: Iterable[Registration]) -> str:
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out)
    writer.writerow(
        [
            _("Name"),
            _("Email"),
            _("Phone"),
            _("Organisation"),
            _("Status"),
            _("Attended"),
            _("Private note"),
            _("Amount paid"),
        ]
    )
    for r in registrations:
        writer.writerow(
            safe_cell(cell)
            for cell in (
                r.display_name,
                r.contact_email,
                r.phone,
                r.group.organisation if r.group else "",
                r.get_status_display(),
                _("yes") if r.attended else _("no"),
                r.tutor_note,
                r.paid_amount if r.paid_amount is not None else "",
            )
        )
    return out.getvalue()
