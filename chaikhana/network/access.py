"""Who may administer the network: staff only. Every view here goes through these."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from chaikhana.accounts.models import User


def access_staff(user: User | Any) -> User:
    """*user* if she is network staff; 403 for anyone else who is signed in."""
    if not (isinstance(user, User) and user.is_active and user.is_staff):
        raise PermissionDenied(_("Only the network's staff may open this page."))
    return user


def staff_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anonymous visitors go to the login page; signed-in non-staff get 403."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        access_staff(request.user)
        return view(request, *args, **kwargs)

    # Staff pages show private data: never cached, by anyone.
    return login_required(never_cache(wrapper))
