"""Mail about email addresses, sent by the worker after the transaction commits. Strings in."""

from __future__ import annotations

from django_tasks import task

from chaikhana.accounts import mail


@task()
def send_email_confirmation(*, user_id: int, email: str) -> None:
    """Mail *email* the link that confirms it as the account's address."""
    mail.mail_confirmation(user_id, email)


@task()
def send_address_in_use(*, email: str) -> None:
    """Tell the account that has *email* that someone else asked for it."""
    mail.mail_address_in_use(email)
