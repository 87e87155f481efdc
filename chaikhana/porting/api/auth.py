"""Signing API clients in with application passwords, behind the login throttle.

The accounts throttle counts failures per username and per (HMAC-ed, never stored raw)
address; a Micropub token has no username, so its ident stands in for one.
"""

from __future__ import annotations

from django.http import HttpRequest

from chaikhana.accounts import throttle
from chaikhana.accounts.app_passwords import authenticate_app_password, authenticate_token
from chaikhana.accounts.models import User


class Locked(Exception):
    """Too many failures from this name or address: wait *minutes*."""

    def __init__(self, minutes: int) -> None:
        super().__init__(minutes)
        self.minutes = minutes


def _address(request: HttpRequest) -> str:
    # As the login page counts: on the onion host every client arrives from 127.0.0.1, so
    # there the name alone is counted and one stranger cannot slow every Tor client down.
    return throttle.request_address(request)


def _guarded(request: HttpRequest, key: str, user: User | None) -> User | None:
    if user is None:
        throttle.record_failure(username=key, address=_address(request))
        return None
    throttle.clear_username(username=key, address=_address(request))
    return user


def _check_lock(request: HttpRequest, key: str) -> None:
    minutes = throttle.minutes_locked(username=key, address=_address(request))
    if minutes:
        raise Locked(minutes)


def login(request: HttpRequest, username: str, password: str) -> User | None:
    """The user for an XML-RPC (username, application password) pair; raises Locked."""
    _check_lock(request, username)
    return _guarded(request, username, authenticate_app_password(username, password))


def login_token(request: HttpRequest, token: str) -> User | None:
    """The user for a Micropub bearer token; raises Locked."""
    key = "token:" + token.partition(".")[0][:16]
    _check_lock(request, key)
    return _guarded(request, key, authenticate_token(token))
