"""XML-RPC plumbing for the WordPress-compatible methods: typed arguments, sign-in, and
domain errors turned into the fault codes WordPress answers with.

WordPress (wp-includes/class-wp-xmlrpc-server.php): 403 bad login, 404 no such post or
blog, 401 not allowed, 500 could not save; the xmlrpc-epi codes -32602 (wrong
parameters) and -32601 (unknown method) for what is not WordPress-specific.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any
from xmlrpc.client import Fault

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.core.errors import ActionError
from chaikhana.linkbacks.xmlrpc import INVALID_PARAMS, Method, register
from chaikhana.porting.api import auth

BAD_LOGIN, NOT_ALLOWED, NOT_FOUND, NOT_SAVED = 403, 401, 404, 500


def wrong(what: str) -> Fault:
    return Fault(
        INVALID_PARAMS, _("server error: invalid method parameters (%(what)s)") % {"what": what}
    )


def as_int(value: Any, what: str) -> int:
    """WordPress casts ids with (int); we accept an int or a string of digits, nothing else."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    raise wrong(what)


def as_str(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise wrong(what)
    return value


def as_struct(value: Any, what: str) -> dict[str, Any]:
    # <nil/> (python-wordpress-xmlrpc sends it for optional arguments) counts as empty.
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise wrong(what)
    return value


def sign_in(request: HttpRequest, username: Any, password: Any) -> User:
    """The user behind (username, application password); Fault 403 otherwise.

    An unknown username and a wrong password get the same fault (and cost the same hash).
    """
    try:
        user = auth.login(request, as_str(username, "username"), as_str(password, "password"))
    except auth.Locked as locked:
        raise Fault(
            BAD_LOGIN,
            _("Too many failed attempts; try again in %(minutes)d minutes.")
            % {"minutes": locked.minutes},
        ) from locked
    except auth.NotCovered as refused:
        raise Fault(BAD_LOGIN, refused.message) from refused  # WordPress's 403, with the reason
    if user is None:
        raise Fault(BAD_LOGIN, _("Incorrect username or password."))
    return user


def method(name: str) -> Callable[[Method], Method]:
    """Register *function* as XML-RPC *name*, answering domain errors as WordPress faults."""

    def decorator(function: Method) -> Method:
        @functools.wraps(function)  # keeps the signature the dispatcher checks arguments against
        def wrapper(request: HttpRequest, *params: Any) -> Any:
            try:
                return function(request, *params)
            except Http404 as error:
                raise Fault(NOT_FOUND, str(error) or _("Invalid post ID.")) from error
            except PermissionDenied as error:
                raise Fault(
                    NOT_ALLOWED, str(error) or _("Sorry, you are not allowed to do that.")
                ) from error
            except ActionError as error:
                raise Fault(NOT_SAVED, str(error.message)) from error

        return register(name)(wrapper)

    return decorator
