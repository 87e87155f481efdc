"""The two mails about an email address: a link to confirm it, or a notice to its owner.

Which one is sent is the only trace of whether an account already uses the address: the person
who typed it sees the same answer either way, so the form cannot tell her whose address it is.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from chaikhana.accounts import email_links
from chaikhana.accounts.models import User
from chaikhana.core import network_settings
from chaikhana.core.urls import absolute_url


def mail_confirmation(user_id: int, email: str) -> None:
    """Send *email* the link that makes it her account's address."""
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return
    token = email_links.make_token(user_id=user.pk, email=email, previous=user.email)
    context = {
        "network": network_settings.network_name(),
        "link": absolute_url(reverse("accounts:email_confirm", kwargs={"token": token})),
    }
    with translation.override(user.language or settings.LANGUAGE_CODE):
        subject = _("Confirm your email address on %(network)s") % context
        body = render_to_string("accounts/mail/confirm_email.txt", context)
    EmailMessage(subject, body, to=[email]).send()


def mail_address_in_use(email: str) -> None:
    """Tell the owner of *email* that someone asked to use it; nothing was changed."""
    owner = User.objects.filter(email__iexact=email).first()
    if owner is None:
        return  # she has left meanwhile; nobody to tell
    context = {
        "network": network_settings.network_name(),
        "reset_link": absolute_url(reverse("accounts:password_reset")),
    }
    with translation.override(owner.language or settings.LANGUAGE_CODE):
        subject = _("Someone tried to use your email address on %(network)s") % context
        body = render_to_string("accounts/mail/address_in_use.txt", context)
    EmailMessage(subject, body, to=[owner.email]).send()
