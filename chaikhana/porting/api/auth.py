"""Signing API clients in with application passwords, behind the login throttle.

The accounts throttle counts failures per username and per (HMAC-ed, never stored raw)
address; a Micropub token has no username, so its ident stands in for one.

A password opens these doors only with the "posts" scope. One restricted to some blogs
works at /@<blog>/xmlrpc.php of those blogs; at the network's endpoint and at Micropub (where
the blog is chosen per call) only if every blog she writes for is among them, so a
restricted password never reaches a blog it was not given.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _

from chaikhana.accounts import throttle
from chaikhana.accounts.app_passwords import authenticate_app_password, authenticate_token
from chaikhana.accounts.models import AppPassword, User
from chaikhana.blogs.models import Blog, Membership
from chaikhana.linkbacks.xmlrpc import endpoint_blog


class Locked(Exception):
    """Too many failures from this name or address: wait *minutes*."""

    def __init__(self, minutes: int) -> None:
        super().__init__(minutes)
        self.minutes = minutes


class NotCovered(Exception):
    """A right password that does not cover this door: *scope* names a missing scope, or
    None when the password is limited to other blogs. *message* says which, translated."""

    def __init__(self, message: str, scope: str | None = None) -> None:
        super().__init__(message)
        self.message, self.scope = message, scope


def _address(request: HttpRequest) -> str:
    # As the login page counts: on the onion host every client arrives from 127.0.0.1, so
    # there the name alone is counted and one stranger cannot slow every Tor client down.
    return throttle.request_address(request)


def _reaches(request: HttpRequest, grant: AppPassword) -> bool:
    """Whether the door this call came to lies inside the password's blogs (see above)."""
    if not grant.blog_ids:
        return True
    if (name := endpoint_blog(request)) is not None:
        blog = Blog.objects.filter(name=name).first()
        return blog is not None and grant.allows_blog(blog.pk)
    mine = Membership.objects.filter(user=grant.user).values_list("blog_id", flat=True)
    return all(grant.allows_blog(pk) for pk in mine)


def _guarded(request: HttpRequest, key: str, grant: AppPassword | None) -> User | None:
    if grant is None:
        throttle.record_failure(username=key, address=_address(request))
        return None
    throttle.clear_username(username=key, address=_address(request))
    # A right password for something else: refused with the reason, not a failed guess.
    if not grant.allows("posts"):
        raise NotCovered(
            _("This application password lacks the “%(scope)s” scope: make one with it on "
              "your profile page.") % {"scope": "posts"},
            scope="posts",
        )  # fmt: skip
    if not _reaches(request, grant):
        raise NotCovered(
            _("This application password is limited to some of your blogs, and this address "
              "reaches every blog you write for: use the blog's own address, or a password for "
              "all your blogs.")
        )  # fmt: skip
    return grant.user


def _check_lock(request: HttpRequest, key: str) -> None:
    minutes = throttle.minutes_locked(username=key, address=_address(request))
    if minutes:
        raise Locked(minutes)


def login(request: HttpRequest, username: str, password: str) -> User | None:
    """The user for an XML-RPC (username, application password) pair, None for a wrong one;
    raises Locked, or NotCovered for a right one that does not open this door."""
    _check_lock(request, username)
    return _guarded(request, username, authenticate_app_password(username, password))


def login_token(request: HttpRequest, token: str) -> User | None:
    """The user for a Micropub bearer token, None for a wrong one; raises as login does."""
    key = "token:" + token.partition(".")[0][:16]
    _check_lock(request, key)
    return _guarded(request, key, authenticate_token(token))
