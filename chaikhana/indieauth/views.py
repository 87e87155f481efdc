"""IndieAuth endpoints (the IndieAuth spec of 2022-02-12 and RFC 7009/7662), thin.

/indieauth/metadata  the server metadata (§4.1.1), linked from every blog page
/indieauth/auth      GET: the consent screen; POST: a code exchanged for the blog's address
/indieauth/consent   the consent form's answer (CSRF-protected)
/indieauth/token     POST: a code exchanged for an access token (or action=revoke);
                     GET with a bearer token: the older token verification
/indieauth/revoke, /indieauth/introspect
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from chaikhana.accounts.http import AuthedRequest
from chaikhana.blogs.models import Blog
from chaikhana.core.errors import ActionError
from chaikhana.indieauth import actions, authorization, conf, scopes, tokens
from chaikhana.indieauth.access import (
    access_own_grant,
    access_signed_in_blog,
    access_writable_blog,
    writable_blogs,
)
from chaikhana.indieauth.actions import TokenError
from chaikhana.indieauth.authorization import AuthRequest, RedirectError, ShownError, redirect_to


def _absolute(request: HttpRequest, name: str) -> str:
    return request.build_absolute_uri(reverse(name))


def issuer(request: HttpRequest) -> str:
    """§4.1.1: a prefix of the metadata address, on this host."""
    return _absolute(request, "indieauth:metadata").removesuffix("metadata")


def blog_me(request: HttpRequest, blog: Blog) -> str:
    """The blog's address as its identity (in subdomain mode, on its own host)."""
    url = blog.get_absolute_url()
    return f"{request.scheme}:{url}" if url.startswith("//") else request.build_absolute_uri(url)


def _same_url(a: str, b: str) -> bool:
    x, y = urlsplit(a.strip()), urlsplit(b.strip())
    return (x.netloc.lower(), x.path.rstrip("/") or "/") == (
        y.netloc.lower(),
        y.path.rstrip("/") or "/",
    )


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"  # RFC 6749 §5.1
    return response


def _oauth_error(error: str, description: str, status: int = 400) -> HttpResponse:
    return _no_store(
        JsonResponse({"error": error, "error_description": description}, status=status)
    )


@require_GET
def metadata(request: HttpRequest) -> HttpResponse:
    return JsonResponse(
        {
            "issuer": issuer(request),
            "authorization_endpoint": _absolute(request, "indieauth:authorize"),
            "token_endpoint": _absolute(request, "indieauth:token"),
            "revocation_endpoint": _absolute(request, "indieauth:revoke"),
            "revocation_endpoint_auth_methods_supported": ["none"],
            "introspection_endpoint": _absolute(request, "indieauth:introspect"),
            "introspection_endpoint_auth_methods_supported": ["Bearer"],
            "scopes_supported": list(scopes.SCOPES),
            "response_types_supported": ["code"],
            "grant_types_supported": ["authorization_code", "refresh_token"],
            "code_challenge_methods_supported": ["S256"],
            "authorization_response_iss_parameter_supported": True,
            "service_documentation": "https://indieauth.spec.indieweb.org/",
        }
    )


def _redirect_error(request: HttpRequest, data: QueryDict, error: RedirectError) -> HttpResponse:
    params = {"error": error.error, "error_description": error.description, "iss": issuer(request)}
    if data.get("state"):
        params["state"] = data.get("state", "")
    return HttpResponseRedirect(redirect_to(data.get("redirect_uri", ""), **params))


def _shown_error(request: HttpRequest, message: str, status: int = 400) -> HttpResponse:
    return render(request, "indieauth/error.html", {"message": message}, status=status)


def _consent_page(request: HttpRequest, auth: AuthRequest, chosen: Blog | None) -> HttpResponse:
    user = request.user
    blogs = writable_blogs(user)  # type: ignore[arg-type]
    if not blogs:
        return _shown_error(
            request, _("You do not write for any blog, so there is nothing to sign in as."), 403
        )
    if chosen is None:
        chosen = next(
            (b for b in blogs if auth.me and _same_url(auth.me, blog_me(request, b))), blogs[0]
        )
    context: dict[str, Any] = {
        "auth": auth,
        "fields": auth.hidden_fields(),
        "blogs": [(blog, blog_me(request, blog)) for blog in blogs],
        "chosen": chosen,
        "scopes": [(name, scopes.SCOPES[name]) for name in auth.scopes],
        "redirect_host": urlsplit(auth.redirect_uri).netloc,
    }
    response = render(request, "indieauth/consent.html", context)
    # Chromium checks form-action on the redirect that follows the form: allow the app's site.
    parts = urlsplit(auth.redirect_uri)
    response._csp_update = {"form-action": [f"{parts.scheme}://{parts.netloc}"]}  # type: ignore[attr-defined]
    return response


@csrf_exempt  # the POST is an app exchanging a code (no cookie); the GET changes nothing
@never_cache
def authorize(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _redeem(request, for_token=False)
    if request.method != "GET":
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    try:
        auth = authorization.parse(request.GET)
    except ShownError as error:
        return _shown_error(request, error.message)
    except RedirectError as error:
        return _redirect_error(request, request.GET, error)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return _consent_page(request, auth, None)


@login_required
@require_POST
@never_cache
def consent(request: AuthedRequest) -> HttpResponse:
    try:
        auth = authorization.parse(request.POST)
    except ShownError as error:
        return _shown_error(request, error.message)
    except RedirectError as error:
        return _redirect_error(request, request.POST, error)
    if request.POST.get("decision") != "allow":
        return _redirect_error(
            request, request.POST, RedirectError("access_denied", _("The writer said no."))
        )
    blog = access_writable_blog(request.user, request.POST.get("blog", ""))
    granted = [name for name in request.POST.getlist("grant") if name in auth.scopes]
    try:
        code = actions.issue_code(
            user=request.user, blog=blog, me=blog_me(request, blog), request=auth, scopes=granted
        )
    except ActionError as error:
        messages.error(request, str(error.message))
        return _consent_page(request, auth, blog)
    params = {"code": code, "iss": issuer(request)}
    if auth.state:
        params["state"] = auth.state
    return HttpResponseRedirect(redirect_to(auth.redirect_uri, **params))


def profile(request: HttpRequest, blog: Blog, me: str) -> dict[str, str]:
    """§5.3.4 with the profile scope: the blog's name, address and icon — never the person
    (no email, whatever the app asks: the email scope is never granted)."""
    return {"name": blog.title, "url": me, "photo": _absolute(request, "apple_touch_icon")}


def _token_answer(request: HttpRequest, exchange: actions.Exchange) -> HttpResponse:
    grant = exchange.grant
    if grant is None:
        body: dict[str, Any] = {"me": exchange.me}
    else:
        body = {
            "access_token": exchange.token,
            "token_type": "Bearer",
            "scope": grant.scope,
            "me": grant.me,
            "expires_in": int(conf.token_days() * 86400),
            "refresh_token": exchange.refresh_token,
        }
    if "profile" in exchange.scope.split():
        blog = grant.blog if grant is not None else access_signed_in_blog(exchange.blog_id)
        body["profile"] = profile(request, blog, exchange.me)
    return _no_store(JsonResponse(body))


def _refresh(request: HttpRequest) -> HttpResponse:
    data = request.POST
    missing = [k for k in ("refresh_token", "client_id") if not data.get(k)]
    if missing:
        return _oauth_error(
            "invalid_request", _("Missing: %(names)s.") % {"names": ", ".join(missing)}
        )
    try:
        exchange = actions.refresh_grant(
            refresh_token=data["refresh_token"],
            client_id=data["client_id"],
            scope=data.get("scope", ""),
        )
    except TokenError as error:
        return _oauth_error(error.error, error.description)
    return _token_answer(request, exchange)


def _redeem(request: HttpRequest, *, for_token: bool) -> HttpResponse:
    data = request.POST
    grant_type = data.get("grant_type", "authorization_code")
    if for_token and grant_type == "refresh_token":
        return _refresh(request)
    if grant_type != "authorization_code":
        return _oauth_error(
            "unsupported_grant_type",
            _("Only grant_type=authorization_code and refresh_token are supported."),
        )
    missing = [k for k in ("code", "client_id", "redirect_uri", "code_verifier") if not data.get(k)]
    if missing:
        return _oauth_error(
            "invalid_request", _("Missing: %(names)s.") % {"names": ", ".join(missing)}
        )
    try:
        exchange = actions.redeem_code(
            code=data["code"],
            client_id=data["client_id"],
            redirect_uri=data["redirect_uri"],
            verifier=data["code_verifier"],
            for_token=for_token,
        )
    except TokenError as error:
        return _oauth_error(error.error, error.description)
    return _token_answer(request, exchange)


def _bearer(request: HttpRequest) -> str:
    kind, _space, value = request.headers.get("Authorization", "").partition(" ")
    return value.strip() if kind.lower() == "bearer" else ""


@csrf_exempt  # apps call it with no cookie
@never_cache
def token(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":  # the older verification Micropub servers used
        grant = tokens.active_grant(_bearer(request))
        if grant is None:
            return _oauth_error("invalid_token", _("The access token is not valid."), 401)
        return JsonResponse({"me": grant.me, "client_id": grant.client_id, "scope": grant.scope})
    if request.method != "POST":
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    if request.POST.get("action") == "revoke":  # the older revocation, still sent by apps
        actions.revoke_token(token=request.POST.get("token", ""))
        return HttpResponse(status=200)
    return _redeem(request, for_token=True)


@csrf_exempt
@require_POST
def revoke(request: HttpRequest) -> HttpResponse:
    """RFC 7009 §2.2: 200 whether or not the token was known."""
    actions.revoke_token(token=request.POST.get("token", ""))
    return HttpResponse(status=200)


@csrf_exempt
@require_POST
def introspect(request: HttpRequest) -> HttpResponse:
    """RFC 7662, as the IndieAuth spec profiles it (§6.2): the caller shows an active token
    of its own (Bearer), so strangers cannot probe tokens."""
    if tokens.active_grant(_bearer(request)) is None:
        return _oauth_error("invalid_token", _("Send an active access token as Bearer."), 401)
    grant = tokens.active_grant(request.POST.get("token", ""))
    if grant is None:
        return _no_store(JsonResponse({"active": False}))
    return _no_store(
        JsonResponse(
            {
                "active": True,
                "me": grant.me,
                "client_id": grant.client_id,
                "scope": grant.scope,
                "iat": int(grant.created_at.timestamp()),
                "exp": int(grant.expires_at.timestamp()),
            }
        )
    )


@login_required
@require_POST
def grant_revoke(request: AuthedRequest, grant_id: int) -> HttpResponse:
    grant = access_own_grant(request.user, grant_id)
    try:
        actions.revoke_grant(grant=grant, by=request.user)
    except ActionError as error:  # not hers: access_own_grant already answers 404
        raise PermissionDenied(error.message) from error
    messages.success(
        request,
        _("“%(app)s” can no longer post to %(blog)s.")
        % {"app": grant.client_name, "blog": grant.me},
    )
    return redirect("accounts:app_passwords")
