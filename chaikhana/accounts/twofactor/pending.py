"""A login half done: the password was right, the second factor is still to come.

Until the code is given the session is not logged in at all; it only remembers who is
trying, with which backend, where to go next, and since when (five minutes to finish).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.http import HttpRequest

from chaikhana.accounts.models import User

SESSION_KEY = "twofactor_pending"
MAX_AGE = 5 * 60


@dataclass(frozen=True)
class PendingLogin:
    user: User
    backend: str
    next_url: str


def begin(request: HttpRequest, *, user: User, next_url: str) -> None:
    backend = getattr(user, "backend", "django.contrib.auth.backends.ModelBackend")
    # A new session key: whatever happened in this session before the password stays there.
    request.session.cycle_key()
    request.session[SESSION_KEY] = {
        "user_id": user.pk,
        "backend": backend,
        "next": next_url,
        "at": time.time(),
    }


def current(request: HttpRequest) -> PendingLogin | None:
    data = request.session.get(SESSION_KEY)
    if not isinstance(data, dict) or time.time() - float(data.get("at", 0)) > MAX_AGE:
        return None
    user = User.objects.filter(pk=int(data.get("user_id", 0)), is_active=True).first()
    if user is None:
        return None
    return PendingLogin(user=user, backend=str(data["backend"]), next_url=str(data["next"]))


def clear(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)
