"""/micropub and /micropub/media (thin: parse, sign in, find the blog or post, one action).

Auth: the bearer token is an IndieAuth access token (chaikhana.indieauth: one blog, the
scopes the writer consented to) or an application password (accounts.app_passwords: all her
blogs, every action). Which blog: the token's own; for a password, mp-destination (a uid
from q=config) or, without it, the first blog she joined.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from chaikhana.accounts.models import User
from chaikhana.blogs.actions import PostRequest, delete_post, save_requested_post
from chaikhana.blogs.models import Blog, Membership, Post
from chaikhana.core.errors import ActionError
from chaikhana.indieauth import tokens as indieauth_tokens
from chaikhana.linkbacks.targets import post_address
from chaikhana.media.actions import upload_media
from chaikhana.porting.api import auth, lookup
from chaikhana.porting.api.micropub import entries, photos
from chaikhana.porting.api.micropub.errors import MicropubError, insufficient_scope, invalid
from chaikhana.porting.api.micropub.parse import MicropubRequest, bearer_token, parse
from chaikhana.porting.api.micropub.updates import apply_update

QUERIES = ["config", "source", "syndicate-to"]


@dataclass(frozen=True)
class Caller:
    """Who calls, and how far her token reaches."""

    user: User
    blog: Blog | None = None  # an IndieAuth token's blog, the only one it reaches
    scopes: frozenset[str] | None = None  # None: an application password, every action

    def require(self, *wanted: str) -> None:
        """§3.7.1 insufficient_scope unless the token carries one of *wanted*."""
        if self.scopes is not None and not self.scopes & set(wanted):
            raise insufficient_scope(
                wanted[0],
                _("This token was not granted the “%(scope)s” scope.") % {"scope": wanted[0]},
            )

    @property
    def drafts_only(self) -> bool:
        """A token with the "draft" scope and not "create": what it writes stays a draft."""
        return self.scopes is not None and "create" not in self.scopes

    def reaches(self, blog: Blog) -> None:
        if self.blog is not None and blog.pk != self.blog.pk:
            raise MicropubError(
                403,
                "forbidden",
                _("This token signs in to %(blog)s only.") % {"blog": self.blog.name},
            )


def _sign_in(request: HttpRequest, token: str) -> Caller:
    if indieauth_tokens.is_indieauth_token(token):
        grant = indieauth_tokens.use_grant(token)
        if grant is None:
            raise MicropubError(
                401, "unauthorized", _("The access token is not valid, expired or revoked.")
            )
        return Caller(grant.user, grant.blog, grant.scopes)
    try:
        user = auth.login_token(request, token)
    except auth.Locked as locked:
        raise MicropubError(429, "too_many_requests", _("Too many failed attempts.")) from locked
    except auth.NotCovered as refused:
        if refused.scope:
            raise insufficient_scope(refused.scope, refused.message) from refused
        raise MicropubError(403, "forbidden", refused.message) from refused
    if user is None:
        raise MicropubError(401, "unauthorized", _("The access token is not valid."))
    return Caller(user)


def _uid(request: HttpRequest, blog: Blog) -> str:
    return request.build_absolute_uri(blog.get_absolute_url())


def _destination(
    request: HttpRequest, caller: Caller, wanted: list[Any]
) -> tuple[Blog, Membership]:
    """The token's blog; else the blog mp-destination names, else her first; the portal's
    is refused (a 403)."""
    user = caller.user
    if caller.blog is not None:
        if wanted and entries.text_of(wanted[0]) not in (
            _uid(request, caller.blog),
            caller.blog.name,
        ):
            caller.reaches(Blog())  # another blog: refused, naming the token's
        return lookup.blog_of_member(user, caller.blog.pk)
    blogs = lookup.memberships(user)
    if wanted:
        uid = entries.text_of(wanted[0])
        for blog, membership in blogs:
            if uid in (_uid(request, blog), blog.name):
                lookup.refuse_editorial(blog)
                return blog, membership
        raise invalid(_("mp-destination is not one of your blogs."))
    for blog, membership in blogs:
        if not blog.is_editorial:
            return blog, membership
    if blogs:  # the desk made her a member of the portal's blog, and of no other
        lookup.refuse_editorial(blogs[0][0])
    raise MicropubError(403, "forbidden", _("You do not write for any blog yet."))


def _post_at(caller: Caller, url: str) -> Post:
    """§3.4.4: the post is named by its URL; a URL that names none of hers is a 400."""
    user = caller.user
    address = post_address(url)
    post = None
    if address is not None:
        post = Post.objects.filter(
            blog__name=address.blog_name, slug=address.slug, blog__memberships__user=user
        ).first()
    if post is None:
        raise invalid(_("There is no post of yours at this URL."))
    caller.reaches(post.blog)
    return lookup.post_of_member(user, post.pk, for_edit=True)


def _store(request: HttpRequest, user: User, blog: Blog) -> entries.PhotoStore:
    def store(uploaded: File) -> str:
        media = upload_media(blog=blog, by=user, uploaded_file=uploaded)
        return request.build_absolute_uri(media.file.url)

    return store


def _created(request: HttpRequest, post: Post) -> HttpResponse:
    response = HttpResponse(status=201)
    response["Location"] = request.build_absolute_uri(post.get_absolute_url())
    return response


def _keep(request: HttpRequest) -> entries.PhotoKeep:
    media_prefix = request.build_absolute_uri(default_storage.url(""))
    return lambda url: photos.is_ours(url, media_prefix)


@transaction.atomic  # a photo stored for a post that then fails to save goes with it
def _create(request: HttpRequest, caller: Caller, mp: MicropubRequest) -> HttpResponse:
    caller.require("create", "draft")
    if mp.type != "h-entry":
        raise invalid(_("Only h-entry posts can be created here."))
    user = caller.user
    blog, _membership = _destination(request, caller, mp.commands.get("mp-destination", []))
    photos_html = entries.photos_html(
        mp.properties.get("photo", []),
        mp.files.get("photo", []),
        _store(request, user, blog),
        _keep(request),
    )
    data = entries.new_request(blog, mp.properties, mp.commands, photos_html)
    if caller.drafts_only:
        data.status = Post.Status.DRAFT  # whatever post-status the app sent
    return _created(request, save_requested_post(blog=blog, by=user, request=data))


def _update(request: HttpRequest, caller: Caller, mp: MicropubRequest) -> HttpResponse:
    caller.require("update")
    user = caller.user
    post = _post_at(caller, mp.url)
    data = apply_update(PostRequest.of(post), mp.update)
    old_url = post.get_absolute_url()
    post = save_requested_post(blog=post.blog, by=user, request=data, post=post)
    # §3.4.4: 204 when the URL is unchanged, 201 with the new Location when it moved.
    return (
        HttpResponse(status=204) if post.get_absolute_url() == old_url else _created(request, post)
    )


def _act(request: HttpRequest, caller: Caller, mp: MicropubRequest) -> HttpResponse:
    if mp.action == "create":
        return _create(request, caller, mp)
    if mp.action == "update":
        return _update(request, caller, mp)
    if mp.action == "delete":
        caller.require("delete")
        delete_post(post=_post_at(caller, mp.url), by=caller.user)
        return HttpResponse(status=204)
    if mp.action == "undelete":
        caller.require("undelete", "delete")
        # Deleting a post removes it for good (no trash yet), so there is nothing to restore.
        raise invalid(_("Undelete is not supported: a deleted post is gone."))
    raise invalid(_("Unknown action."))


def _query(request: HttpRequest, caller: Caller) -> dict[str, Any]:
    user = caller.user
    q = request.GET.get("q", "")
    if q == "syndicate-to":
        return {"syndicate-to": []}
    if q == "config":
        media = request.build_absolute_uri(reverse("micropub_media"))
        blogs = [
            {"uid": _uid(request, b), "name": b.title}
            for b, _m in lookup.member_blogs(user)
            if caller.blog is None or b.pk == caller.blog.pk
        ]
        types = [("note", _("Note")), ("article", _("Article")), ("photo", _("Photo"))]
        return {
            "media-endpoint": media,
            "syndicate-to": [],
            "destination": blogs,
            "post-types": [{"type": t, "name": str(n)} for t, n in types],
            "q": QUERIES,
        }
    if q == "source":
        url = request.GET.get("url", "")
        source = entries.source(_post_at(caller, url), url)
        wanted = request.GET.getlist("properties[]") or request.GET.getlist("properties")
        if wanted:  # §3.8.3: only the properties asked for, without "type"
            return {"properties": {k: v for k, v in source["properties"].items() if k in wanted}}
        return source
    raise invalid(_("Unknown query; this endpoint answers q=config, q=source and q=syndicate-to."))


def _answer(request: HttpRequest, handle: Any) -> HttpResponse:
    """Run *handle*, turning every refusal into its §3.7.1 error."""
    try:
        return handle()
    except MicropubError as error:
        return error.response()
    except PermissionDenied as error:
        return MicropubError(403, "forbidden", str(error)).response()
    except (Http404, ActionError) as error:
        return invalid(str(getattr(error, "message", error))).response()


@csrf_exempt  # bearer tokens, no cookies: nothing for CSRF to forge
def micropub(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":

        def query() -> HttpResponse:
            given = bearer_token(request, None)  # a GET has no body to carry it
            return JsonResponse(_query(request, _sign_in(request, given)))

        return _answer(request, query)
    if request.method != "POST":
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})

    def post() -> HttpResponse:
        mp = parse(request)
        return _act(request, _sign_in(request, mp.token), mp)

    return _answer(request, post)


@csrf_exempt
def media_endpoint(request: HttpRequest) -> HttpResponse:
    """§3.6: one file in the "file" part; 201 with its URL in Location."""
    if request.method != "POST":
        return HttpResponse(status=405, headers={"Allow": "POST"})

    def upload() -> HttpResponse:
        caller = _sign_in(request, bearer_token(request, request.POST.get("access_token")))
        caller.require("media", "create")  # §3.6.1 (and the IndieAuth spec's examples)
        uploaded = request.FILES.get("file")
        if uploaded is None:
            raise invalid(_("Send the file in a multipart part named “file”."))
        blog, _membership = _destination(request, caller, request.POST.getlist("mp-destination"))
        url = _store(request, caller.user, blog)(uploaded)
        response = HttpResponse(status=201)
        response["Location"] = url
        return response

    return _answer(request, upload)
