"""Every write to accounts that has consequences: sign-up, profile changes, deletion."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chaikhana.accounts import email_links, signals, tasks, throttle
from chaikhana.accounts.models import User, username_key
from chaikhana.core import network_settings, ratelimit
from chaikhana.core.errors import ActionError
from chaikhana.core.models import NetworkSettings
from chaikhana.core.tasks import enqueue_on_commit

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
EMAIL_REQUESTS_PER_HOUR = 5  # a person changing her mind; more is someone testing addresses
EMAIL_MAILS_PER_DAY = 3  # to one mailbox, whoever asks: no mail-bombing through our forms


def _guard_username_free(username: str, *, address: str, invite_code: str) -> None:
    # Only someone past the invite check gets here, and her "taken" answers are counted.
    if minutes := throttle.signup_minutes_locked(address=address, invite_code=invite_code):
        raise ActionError(
            ngettext(
                "Too many tries of taken usernames from your network. "
                "Try again in %(minutes)d minute.",
                "Too many tries of taken usernames from your network. "
                "Try again in %(minutes)d minutes.",
                minutes,
            )
            % {"minutes": minutes}
        )
    if User.objects.filter(username_key=username_key(username)).exists():
        throttle.record_taken_username(address=address, invite_code=invite_code)
        raise ActionError(
            _("This username is taken (names are the same whatever their case)."),
            field="username",
        )


def _guard_password(password: str, user: User) -> None:
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise ActionError(" ".join(error.messages), field="password") from error


def _guard_signup_open(invite_code: str) -> None:
    """Closed: nobody; invite-only: a code with a use left, used up here (rolled back if the
    sign-up fails later)."""
    mode = network_settings.current().signup
    if mode == NetworkSettings.SignUp.CLOSED:
        raise ActionError(_("Sign-up is closed on this network."))
    if mode == NetworkSettings.SignUp.INVITE and not network_settings.consume_invite(invite_code):
        raise ActionError(
            _("This invite code is unknown, used up or expired."), field="invite_code"
        )


@transaction.atomic
def sign_up(
    *, username: str, password: str, email: str = "", invite_code: str = "", address: str = ""
) -> User:
    """Create an account from a username and a password; the email is optional.

    The invite is checked first: without a usable one she learns nothing about which names
    are taken. The account starts without an email; the one she gave is used once she
    follows the link mailed to it (request_email), so sign-up never tells whether another
    account has it. *address* counts her tries of taken usernames (throttle).
    """
    username = User.normalize_username(username)
    _guard_signup_open(invite_code)
    _guard_username_free(username, address=address, invite_code=invite_code)
    _guard_password(password, User(username=username, email=email))
    try:
        with transaction.atomic():  # a savepoint: a lost race still leaves a usable transaction
            user = User.objects.create_user(username=username, password=password)
    except IntegrityError as error:  # someone took the name a moment ago
        raise ActionError(_("This username was just taken."), field="username") from error
    request_email(user=user, email=email)
    return user


def _guard_email_requests(user: User) -> None:
    if ratelimit.hit("email-request", str(user.pk), window=60 * 60) > EMAIL_REQUESTS_PER_HOUR:
        raise ActionError(
            _("You have asked for many address changes in a short time. Try again in an hour.")
        )


@transaction.atomic
def request_email(*, user: User, email: str) -> bool:
    """Ask to make *email* her address; True when a mail is on its way.

    A free address is mailed a link to confirm it (confirm_email); when another account
    has it, its owner is told instead. Either way she hears the same, so nobody can test
    which addresses have accounts. Each address gets a few such mails a day at most.
    """
    email = User.objects.normalize_email(email)
    if not email or email.lower() == user.email.lower():
        return False
    _guard_email_requests(user)
    target = ratelimit.digest(email.lower())
    if ratelimit.hit("email-mail", target, window=24 * 60 * 60) > EMAIL_MAILS_PER_DAY:
        return True  # that mailbox has had enough from us today; say the same
    if User.objects.filter(email__iexact=email).exclude(pk=user.pk).exists():
        enqueue_on_commit(tasks.send_address_in_use, email=email)
    else:
        enqueue_on_commit(tasks.send_email_confirmation, user_id=user.pk, email=email)
    return True


@transaction.atomic
def confirm_email(*, request: email_links.EmailRequest) -> User:
    """Make the address she confirmed from its mailbox her account's address."""
    user = User.objects.select_for_update().filter(pk=request.user_id).first()
    if user is None:
        raise ActionError(_("This link is for an account that no longer exists."))
    if user.email.lower() == request.email.lower():
        return user  # followed twice
    if user.email != request.previous:
        raise ActionError(_("This link is out of date: your address has changed since."))
    user.email = request.email
    try:
        with transaction.atomic():
            user.save(update_fields=["email"])
    except IntegrityError as error:  # another account confirmed it first
        raise ActionError(_("Another account now uses this address.")) from error
    return user


@transaction.atomic
def update_profile(*, user: User, display_name: str, bio: str, language: str, email: str) -> bool:
    """Change what she tells the network about herself and how it speaks to her.

    Removing her email takes effect at once; a new one once confirmed (request_email).
    True when a mail about a new address is on its way.
    """
    if language and language not in LANGUAGE_CODES:
        raise ActionError(_("Choose one of the languages offered."), field="language")
    user.display_name, user.bio, user.language = display_name, bio, language
    if not email:
        user.email = ""
    user.save(update_fields=["display_name", "bio", "language", "email"])
    return request_email(user=user, email=email)


@transaction.atomic
def delete_account(*, user: User) -> None:
    """Delete her account with the blogs she alone owns; co-owned blogs lose only her."""
    # Receivers run here, inside this transaction: if one fails, nothing is deleted.
    signals.account_deleting.send(User, user_id=user.pk)
    user.delete()
