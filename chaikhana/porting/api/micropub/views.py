"""/micropub and /micropub/media (thin: parse, sign in, find the blog or post, one action).

Auth: the bearer token is an application password (accounts.app_passwords): no IndieAuth
server is needed, and a token is revoked where the password is. Which blog: mp-destination
(a uid from q=config) or, without it, the first blog she joined.
"""

from __future__ import annotations

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
from chaikhana.linkbacks.targets import post_address
from chaikhana.media.actions import upload_media
from chaikhana.porting.api import auth, lookup
from chaikhana.porting.api.micropub import entries, photos
from chaikhana.porting.api.micropub.errors import MicropubError, invalid
from chaikhana.porting.api.micropub.parse import MicropubRequest, bearer_token, parse
from chaikhana.porting.api.micropub.updates import apply_update

QUERIES = ["config", "source", "syndicate-to"]


def _sign_in(request: HttpRequest, token: str) -> User:
    try:
        user = auth.login_token(request, token)
    except auth.Locked as locked:
        raise MicropubError(429, "too_many_requests", _("Too many failed attempts.")) from locked
    if user is None:
        raise MicropubError(401, "unauthorized", _("The access token is not valid."))
    return user


def _uid(request: HttpRequest, blog: Blog) -> str:
    return request.build_absolute_uri(blog.get_absolute_url())


def _destination(request: HttpRequest, user: User, wanted: list[Any]) -> tuple[Blog, Membership]:
    """The blog mp-destination names, else her first; the portal's is refused (a 403)."""
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


def _post_at(user: User, url: str) -> Post:
    """§3.4.4: the post is named by its URL; a URL that names none of hers is a 400."""
    address = post_address(url)
    post = None
    if address is not None:
        post = Post.objects.filter(
            blog__name=address.blog_name, slug=address.slug, blog__memberships__user=user
        ).first()
    if post is None:
        raise invalid(_("There is no post of yours at this URL."))
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
def _create(request: HttpRequest, user: User, mp: MicropubRequest) -> HttpResponse:
    if mp.type != "h-entry":
        raise invalid(_("Only h-entry posts can be created here."))
    blog, _membership = _destination(request, user, mp.commands.get("mp-destination", []))
    photos_html = entries.photos_html(
        mp.properties.get("photo", []),
        mp.files.get("photo", []),
        _store(request, user, blog),
        _keep(request),
    )
    data = entries.new_request(blog, mp.properties, mp.commands, photos_html)
    return _created(request, save_requested_post(blog=blog, by=user, request=data))


def _update(request: HttpRequest, user: User, mp: MicropubRequest) -> HttpResponse:
    post = _post_at(user, mp.url)
    data = apply_update(PostRequest.of(post), mp.update)
    old_url = post.get_absolute_url()
    post = save_requested_post(blog=post.blog, by=user, request=data, post=post)
    # §3.4.4: 204 when the URL is unchanged, 201 with the new Location when it moved.
    return (
        HttpResponse(status=204) if post.get_absolute_url() == old_url else _created(request, post)
    )


def _act(request: HttpRequest, user: User, mp: MicropubRequest) -> HttpResponse:
    if mp.action == "create":
        return _create(request, user, mp)
    if mp.action == "update":
        return _update(request, user, mp)
    if mp.action == "delete":
        delete_post(post=_post_at(user, mp.url), by=user)
        return HttpResponse(status=204)
    if mp.action == "undelete":
        # Deleting a post removes it for good (no trash yet), so there is nothing to restore.
        raise invalid(_("Undelete is not supported: a deleted post is gone."))
    raise invalid(_("Unknown action."))


def _query(request: HttpRequest, user: User) -> dict[str, Any]:
    q = request.GET.get("q", "")
    if q == "syndicate-to":
        return {"syndicate-to": []}
    if q == "config":
        media = request.build_absolute_uri(reverse("micropub_media"))
        blogs = [{"uid": _uid(request, b), "name": b.title} for b, _m in lookup.member_blogs(user)]
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
        source = entries.source(_post_at(user, url), url)
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
        user = _sign_in(request, bearer_token(request, request.POST.get("access_token")))
        uploaded = request.FILES.get("file")
        if uploaded is None:
            raise invalid(_("Send the file in a multipart part named “file”."))
        blog, _membership = _destination(request, user, request.POST.getlist("mp-destination"))
        url = _store(request, user, blog)(uploaded)
        response = HttpResponse(status=201)
        response["Location"] = url
        return response

    return _answer(request, upload)
