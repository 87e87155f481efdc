"""The endpoints other sites call: /webmention and /xmlrpc.php (thin: parse, check, act)."""

from __future__ import annotations

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from chaikhana.blogs.models import Post
from chaikhana.blogs.views.common import reader_blog
from chaikhana.linkbacks import throttle, xmlrpc
from chaikhana.linkbacks.actions import accept_webmention
from chaikhana.linkbacks.targets import is_http_url, post_address, public_post
from chaikhana.linkbacks.verify import same_url

TEXT = "text/plain; charset=utf-8"


# Cross-site by design, and it reads no cookie or session: nothing for CSRF to forge.
@csrf_exempt
@require_POST
def webmention(request: HttpRequest, blog: str | None = None) -> HttpResponse:
    """Webmention §3.2: validate synchronously, verify in a task, answer 202 Accepted.

    Also at /@<blog>/webmention; the target names the post, so the blog changes nothing."""
    source = request.POST.get("source", "").strip()
    target = request.POST.get("target", "").strip()
    post, problem = _check(source, target)
    if post is None:
        return HttpResponseBadRequest(problem, content_type=TEXT)
    if not throttle.allow(source):
        return HttpResponse(
            _("Too many webmentions from this site; try again later."),
            status=429,
            content_type=TEXT,
        )
    accept_webmention(post=post, source=source, target=target)
    # §3.2: 202 without a Location header; the sender has no status page to poll.
    return HttpResponse(
        _("Accepted: the mention will be shown once verified."), status=202, content_type=TEXT
    )


def _check(source: str, target: str) -> tuple[Post | None, str]:
    """§3.2.1 request verification: the post named by *target*, or why not."""
    if not is_http_url(source) or not is_http_url(target):
        return None, _("source and target must both be http or https URLs.")
    if same_url(source, target):
        return None, _("source and target must not be the same URL.")
    address = post_address(target)  # the fragment is ignored: urlsplit keeps it apart
    post = public_post(address) if address else None
    if post is None:
        return None, _("target is not a post on this network that accepts webmentions.")
    return post, ""


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def xmlrpc_endpoint(request: HttpRequest, blog: str | None = None) -> HttpResponse:
    """XML-RPC (Pingback 1.0 and whatever other apps register), for the network or, at
    /@<blog>/xmlrpc.php and at a blog's own host, with that blog as the default.

    GET …/xmlrpc.php?rsd answers the blog's RSD document (how desktop editors find the API);
    any other GET answers 405 as before."""
    name = blog or getattr(request, "blog_name", None)
    if request.method != "POST":
        if name is None or "rsd" not in request.GET:
            return HttpResponseNotAllowed(["POST"])
        return _rsd(request, name)
    try:
        request.body  # noqa: B018 - read it here so a too-large body is a fault, not a 400
    except RequestDataTooBig:
        return xmlrpc.fault_response(xmlrpc.PARSE_ERROR, "parse error: request too large")
    return xmlrpc.respond(request, blog=name)


def _rsd(request: HttpRequest, name: str) -> HttpResponse:
    the_blog, _membership = reader_blog(request, name)  # 404/403 as the blog's own pages
    document = xmlrpc.rsd_document(
        endpoint=request.build_absolute_uri(request.path),
        home=request.build_absolute_uri(the_blog.get_absolute_url()),
        blog_id=the_blog.pk,
    )
    return HttpResponse(document, content_type="application/rsd+xml; charset=utf-8")
