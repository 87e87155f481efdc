"""The mails the school sends: registered, seat offered, session cancelled, reminder.

Each goes to the registration's contact address (hers, her account's or her organisation's),
in the language of her account when she chose one, else the course's language.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from chaikhana.core.urls import absolute_url
from chaikhana.courses.models import Registration


def _language(registration: Registration) -> str:
    user = registration.user
    return (user.language if user is not None else "") or registration.session.course.language


def _send(registration: Registration, subject: str, template: str) -> bool:
    """Send one mail about *registration*; False when there is nobody to write to."""
    to = registration.contact_email
    if not to:
        return False
    context = {
        "registration": registration,
        "TIME_ZONE": settings.TIME_ZONE,
        "session": registration.session,
        "course": registration.session.course,
        "manage_url": absolute_url(registration.get_absolute_url()),
        "course_url": absolute_url(registration.session.course.get_absolute_url()),
    }
    with translation.override(_language(registration)):
        title = registration.session.course.title
        body = render_to_string(f"courses/mail/{template}.txt", context)
        EmailMessage(str(subject) % {"title": title}, body, to=[to]).send()
    return True


def mail_registered(registration: Registration) -> bool:
    return _send(registration, _("Your registration: %(title)s"), "registered")


def mail_offer(registration: Registration) -> bool:
    return _send(registration, _("A seat is free for you: %(title)s"), "offer")


def mail_session_cancelled(registration: Registration) -> bool:
    return _send(registration, _("Session cancelled: %(title)s"), "cancelled")


def mail_reminder(registration: Registration) -> bool:
    return _send(registration, _("Tomorrow: %(title)s"), "reminder")
