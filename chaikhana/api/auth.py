"""Who is calling: an application password sent as a bearer token, with its scopes and blogs.

Only the Authorization header carries a token (RFC 6750 §2.1); a token in the query string is
refused by the middleware, because addresses end up in logs and browser histories. Failures
count in accounts' login throttle under the token's ident, as the Micropub door does.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from chaikhana.accounts import throttle
from chaikhana.accounts.app_passwords import authenticate_token
from chaikhana.accounts.models import AppPassword, User
from chaikhana.api.problems import Problem
from chaikhana.blogs.access import access_blog
from chaikhana.blogs.models import Blog, Membership

CHALLENGE = 'Bearer realm="chaikhana"'


def _unauthorized(detail: str, error: str = "invalid_token") -> Problem:
    header = f'{CHALLENGE}, error="{error}"'
    return Problem("unauthorized", 401, detail, headers={"WWW-Authenticate": header})


def sign_in(request: HttpRequest, token: str) -> AppPassword:
    """The live password *token* is, or a 401 problem (429 while the throttle locks it)."""
    key = "token:" + token.partition(".")[0][:16]
    address = throttle.request_address(request)
    minutes = throttle.minutes_locked(username=key, address=address)
    if minutes:
        raise Problem(
            "too-many-requests",
            429,
            _("Too many failed attempts; try again in %(minutes)d minutes.") % {"minutes": minutes},
            headers={"Retry-After": str(minutes * 60)},
        )
    grant = authenticate_token(token)
    if grant is None:
        throttle.record_failure(username=key, address=address)
        raise _unauthorized(_("The token is not valid, has expired or was revoked."))
    throttle.clear_username(username=key, address=address)
    request.api_grant = grant  # type: ignore[attr-defined]
    return grant


def _bearer(request: HttpRequest) -> str | None:
    scheme, _sep, token = request.headers.get("Authorization", "").partition(" ")
    if not scheme:
        return None
    if scheme.lower() != "bearer" or not token.strip():
        raise _unauthorized(
            _("Send the token as “Authorization: Bearer <token>”."), "invalid_request"
        )
    return token.strip()


def grant_of(request: HttpRequest) -> AppPassword | None:
    """The caller's password, or None for an anonymous call (a bad token is a 401)."""
    if hasattr(request, "api_grant"):
        return request.api_grant
    token = _bearer(request)
    grant = None if token is None else sign_in(request, token)
    request.api_grant = grant  # type: ignore[attr-defined]
    return grant


def viewer(request: HttpRequest) -> User | None:
    """Who reads: the token's person when it may read, else nobody (public answers only)."""
    grant = grant_of(request)
    return grant.user if grant is not None and grant.allows("read") else None


def reader_of(request: HttpRequest, name: str) -> tuple[User | None, Blog, Membership | None]:
    """Blog *name* through blogs' access_blog, read as the token's person only when the token
    reaches that blog: limited to other blogs, it reads here as a stranger (no drafts, no
    private posts, a private blog not found)."""
    user = viewer(request)
    grant = grant_of(request)
    if user is not None and grant is not None and grant.blog_ids:
        blog = Blog.objects.filter(name=name).only("pk").first()
        if blog is not None and not grant.allows_blog(blog.pk):
            user = None
    blog, membership = access_blog(user, name)
    return user, blog, membership


def require(request: HttpRequest, scope: str, blog: Blog | None = None) -> User:
    """The signed-in caller, if her token has *scope* and reaches *blog*; else 401/403."""
    grant = grant_of(request)
    if grant is None:
        raise _unauthorized(_("This call needs a token."), "invalid_request")
    if not grant.allows(scope):
        raise Problem(
            "insufficient-scope",
            403,
            _("This token lacks the “%(scope)s” scope.") % {"scope": scope},
            headers={
                "WWW-Authenticate": f'{CHALLENGE}, error="insufficient_scope", scope="{scope}"'
            },
            scope=scope,
        )
    if blog is not None and not grant.allows_blog(blog.pk):
        raise Problem("insufficient-scope", 403, _("This token is not for this blog."))
    return grant.user


class BearerToken(HttpBearer):
    """For the OpenAPI document (securitySchemes) and operations that need a token."""

    def authenticate(self, request: HttpRequest, token: str) -> AppPassword:
        return grant_of(request) or sign_in(request, token)


def require_every_blog(request: HttpRequest, scope: str) -> User:
    """As require, for a call about all her blogs at once (her data export): a token limited
    to some of them is refused, since the answer would reach the others."""
    user = require(request, scope)
    grant = grant_of(request)
    if grant is not None and grant.blog_ids:
        mine = Membership.objects.filter(user=user).values_list("blog_id", flat=True)
        if not all(grant.allows_blog(pk) for pk in mine):
            raise Problem(
                "insufficient-scope",
                403,
                _("This token is limited to some of your blogs; this call needs one for all."),
            )
    return user
