"""Staff rights need a second factor: ``otp_required_for_staff`` guards staff pages, and
``acts_as_staff`` is the one test for staff rights inside a page or an access helper."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from chaikhana.accounts.twofactor.devices import (
    has_two_factor,
    requires_two_factor,
    session_verified,
)

View = Callable[..., HttpResponse]


def acts_as_staff(user: object) -> bool:
    """Whether *user* may use staff rights now: active staff in a session verified with a
    second factor. A stolen password alone must not open rosters, payments or settings."""
    return bool(
        getattr(user, "is_active", False)
        and getattr(user, "is_staff", False)
        and session_verified(user)
    )


def otp_required_for_staff(view: View) -> View:
    """Send staff without a confirmed authenticator to enrolment, unverified ones to the code.

    Others pass through untouched: the view's own check (403 for non-staff) still decides.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not session_verified(user) and requires_two_factor(user):
            name = "accounts:twofactor_verify" if has_two_factor(user) else "accounts:twofactor"
            query = urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(f"{reverse(name)}?{query}")
        return view(request, *args, **kwargs)

    return wrapped
