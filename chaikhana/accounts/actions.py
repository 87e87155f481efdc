"""Every write to accounts that has consequences: sign-up, profile changes, deletion."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from chaikhana.accounts import signals
from chaikhana.accounts.models import User, username_key
from chaikhana.core import network_settings
from chaikhana.core.errors import ActionError
from chaikhana.core.models import NetworkSettings

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def _guard_username_free(username: str) -> None:
    if User.objects.filter(username_key=username_key(username)).exists():
        raise ActionError(
            _("This username is taken (names are the same whatever their case)."),
            field="username",
        )


def _guard_email_free(email: str, *, exclude: User | None = None) -> None:
    if not email:
        return
    taken = User.objects.filter(email__iexact=email)
    if exclude is not None:
        taken = taken.exclude(pk=exclude.pk)
    if taken.exists():
        raise ActionError(_("Another account already uses this email address."), field="email")


def _guard_password(password: str, user: User) -> None:
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise ActionError(" ".join(error.messages), field="password") from error


def _guard_signup_open(invite_code: str) -> None:
    """Closed: nobody; invite-only: a code with a use left, used up here (last)."""
    mode = network_settings.current().signup
    if mode == NetworkSettings.SignUp.CLOSED:
        raise ActionError(_("Sign-up is closed on this network."))
    if mode == NetworkSettings.SignUp.INVITE and not network_settings.consume_invite(invite_code):
        raise ActionError(
            _("This invite code is unknown, used up or expired."), field="invite_code"
        )


@transaction.atomic
def sign_up(*, username: str, password: str, email: str = "", invite_code: str = "") -> User:
    """Create an account from a username and a password; the email is optional.

    While sign-up is invite-only, *invite_code* must have a use left; it is used up in
    this transaction, so a sign-up that fails later gives the use back.
    """
    username = User.normalize_username(username)
    email = User.objects.normalize_email(email)
    _guard_username_free(username)
    _guard_email_free(email)
    _guard_password(password, User(username=username, email=email))
    _guard_signup_open(invite_code)
    try:
        with transaction.atomic():  # a savepoint: a lost race still leaves a usable transaction
            return User.objects.create_user(username=username, email=email, password=password)
    except IntegrityError as error:  # someone took the name or email a moment ago
        raise ActionError(_("This username or email address was just taken.")) from error


@transaction.atomic
def update_profile(*, user: User, display_name: str, bio: str, language: str, email: str) -> User:
    """Change what she tells the network about herself and how it speaks to her."""
    if language and language not in LANGUAGE_CODES:
        raise ActionError(_("Choose one of the languages offered."), field="language")
    email = User.objects.normalize_email(email)
    _guard_email_free(email, exclude=user)
    user.display_name, user.bio, user.language, user.email = display_name, bio, language, email
    user.save(update_fields=["display_name", "bio", "language", "email"])
    return user


@transaction.atomic
def delete_account(*, user: User) -> None:
    """Delete her account with the blogs she alone owns; co-owned blogs lose only her."""
    # Receivers run here, inside this transaction: if one fails, nothing is deleted.
    signals.account_deleting.send(User, user_id=user.pk)
    user.delete()
