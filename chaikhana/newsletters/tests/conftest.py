"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, and helpers."""

from __future__ import annotations

import socket
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller

from chaikhana.newsletters.models import MailingList, Subscription


class Inbox:
    """The SMTP server's handler: every message that arrived, as bytes and parsed."""

    def __init__(self) -> None:
        self.raw: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):
        self.raw.append(envelope.original_content or envelope.content)
        return "250 OK"

    @property
    def messages(self) -> list[EmailMessage]:
        return [message_from_bytes(raw, policy=policy.default) for raw in self.raw]  # type: ignore[misc]

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """Mail goes through a real SMTP conversation to a server on 127.0.0.1."""
    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = False
    settings.SITE_URL = "https://chaikhana.example"
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.fixture
def run_tasks(django_capture_on_commit_callbacks):
    """Run what actions schedule on commit (tasks run at once in tests)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def subscriber(mailing_list: MailingList, email: str, **fields: object) -> Subscription:
    """An active subscriber, as if she had confirmed."""
    defaults = {"status": Subscription.Status.ACTIVE, "language": "en"} | fields
    return Subscription.objects.create(mailing_list=mailing_list, email=email, **defaults)
