"""Importing a blog's subscribers from a CSV: ours, WordPress (Jetpack), Ghost, Substack.

Each export names the address column differently; the first column whose header is one of
EMAIL_HEADERS is read. Good rows are kept, bad ones and duplicates reported by line, and the
whole import is one transaction: a failure half-way leaves nothing behind.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.core.errors import ActionError
from chaikhana.newsletters.addresses import clean_address, mailbox_hash
from chaikhana.newsletters.models import MailingList, Subscription, Suppression

EMAIL_HEADERS = ("email", "email address", "e-mail", "subscriber email", "user_email", "mail")
MAX_ROWS = 50_000


@dataclass
class ImportReport:
    added: int = 0
    duplicates: list[int] = field(default_factory=list)  # line numbers
    already: list[int] = field(default_factory=list)
    bad: list[tuple[int, str]] = field(default_factory=list)  # (line, message)


def _rows(data: bytes) -> tuple[list[str], list[list[str]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ActionError(
            _("The file is not UTF-8 text. Save it as CSV (UTF-8)."), field="file"
        ) from None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        raise ActionError(_("The file is empty."), field="file")
    if len(rows) > MAX_ROWS + 1:
        raise ActionError(_("At most 50,000 addresses in one file."), field="file")
    return [h.strip().lower() for h in rows[0]], rows[1:]


def _email_column(header: list[str]) -> int:
    for name in EMAIL_HEADERS:
        if name in header:
            return header.index(name)
    raise ActionError(
        _("No “email” column in the first line. Name the column of addresses “email”."),
        field="file",
    )


@transaction.atomic
def import_subscribers(
    *, mailing_list: MailingList, data: bytes, by: User, source: str, language: str
) -> ImportReport:
    """Add the file's addresses as confirmed subscribers, with the owner's consent statement."""
    header, rows = _rows(data)
    column = _email_column(header)
    report, seen = ImportReport(), set()
    existing = {
        e.lower()
        for e in Subscription.objects.filter(mailing_list=mailing_list).values_list(
            "email", flat=True
        )
    }
    suppressed = set(Suppression.objects.values_list("address_hash", flat=True))
    now = timezone.now()
    consent = f"imported by the owner from {source[:150]}, {now:%Y-%m-%d}; consent stated"
    new: list[Subscription] = []
    for line, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        try:
            email = clean_address(row[column] if column < len(row) else "")
        except ValidationError as err:
            report.bad.append((line, err.messages[0]))
            continue
        if email.lower() in seen:
            report.duplicates.append(line)
            continue
        seen.add(email.lower())
        if email.lower() in existing or mailbox_hash(email) in suppressed:
            report.already.append(line)
            continue
        new.append(
            Subscription(
                mailing_list=mailing_list,
                email=email,
                language=language,
                status=Subscription.Status.ACTIVE,
                confirmed_at=now,
                consent=consent,
            )
        )
    Subscription.objects.bulk_create(new, batch_size=1000)
    report.added = len(new)
    if new:
        from chaikhana.newsletters.actions.subscriptions import count_day

        count_day(mailing_list.pk, joined=len(new))
    return report
