"""The reader's pages: her river, what she follows, follow buttons' targets, OPML in and out."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from chaikhana.accounts.http import AuthedRequest
from chaikhana.blogs.access import access_blog
from chaikhana.blogs.views.common import paginate
from chaikhana.core.errors import ActionError
from chaikhana.reading.following import actions, queries
from chaikhana.reading.following.forms import OpmlImportForm
from chaikhana.reading.following.importing import import_opml
from chaikhana.reading.following.opml import Outline, write_opml

RIVER_PER_PAGE = 20


def _back(request: HttpRequest, fallback: str) -> HttpResponseRedirect:
    """Back to the page the button was on (?next), if it is one of the network's own."""
    target = request.POST.get("next", "")
    hosts = {request.get_host()}
    if settings.BLOG_DOMAIN and target.startswith(("http://", "https://", "//")):
        # Subdomain mode: the button sits on <blog>.<domain>; going back there is safe.
        host = target.split("//", 1)[1].split("/", 1)[0]
        if host.endswith("." + settings.BLOG_DOMAIN):
            hosts.add(host)
    if url_has_allowed_host_and_scheme(target, hosts, require_https=request.is_secure()):
        return HttpResponseRedirect(target)
    return HttpResponseRedirect(fallback)


@login_required
@require_GET
def reader(request: AuthedRequest) -> HttpResponse:
    """/reader/: the newest posts of everything she follows, 20 at a time."""
    page = paginate(request, queries.river(request.user), RIVER_PER_PAGE)
    return render(request, "reading/reader.html", {"page": page})


@login_required
@require_GET
def following(request: AuthedRequest) -> HttpResponse:
    context = {
        "blog_follows": queries.followed_blogs(request.user),
        "tag_follows": queries.followed_tags(request.user),
    }
    return render(request, "reading/reader_following.html", context)


@login_required
@require_POST
def follow_blog(request: AuthedRequest) -> HttpResponse:
    blog, _membership = access_blog(request.user, request.POST.get("blog", ""))
    actions.follow_blog(user=request.user, blog=blog)
    messages.success(request, _("You follow “%(title)s”.") % {"title": blog.title})
    return _back(request, blog.get_absolute_url())


@login_required
@require_POST
def unfollow_blog(request: AuthedRequest) -> HttpResponse:
    blog, _membership = access_blog(request.user, request.POST.get("blog", ""))
    actions.unfollow_blog(user=request.user, blog=blog)
    messages.success(request, _("You no longer follow “%(title)s”.") % {"title": blog.title})
    return _back(request, reverse("reading:following"))


@login_required
@require_POST
def follow_tag(request: AuthedRequest) -> HttpResponse:
    try:
        follow = actions.follow_tag(user=request.user, slug=request.POST.get("tag", ""))
    except ActionError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("You follow %(tag)s.") % {"tag": follow.label})
    return _back(request, reverse("reading:following"))


@login_required
@require_POST
def unfollow_tag(request: AuthedRequest) -> HttpResponse:
    slug = request.POST.get("tag", "")
    actions.unfollow_tag(user=request.user, slug=slug)
    messages.success(request, _("You no longer follow #%(tag)s.") % {"tag": slug[:100]})
    return _back(request, reverse("reading:following"))


def _outlines(request: AuthedRequest) -> list[Outline]:
    absolute = request.build_absolute_uri
    blogs = [
        Outline(
            text=f.blog.title,
            xml_url=absolute(f.blog.url("blogs:feed")),
            html_url=absolute(f.blog.get_absolute_url()),
        )
        for f in queries.followed_blogs(request.user)
    ]
    tags = [
        Outline(text=f.label, xml_url=absolute(reverse("reading:tag_feed", args=[f.slug])))
        for f in queries.followed_tags(request.user)
    ]
    return blogs + tags


@login_required
@require_GET
def opml_export(request: AuthedRequest) -> HttpResponse:
    """/reader/opml/: her follows as OPML 2.0 for any feed reader."""
    title = _("Followed on %(network)s") % {"network": settings.NETWORK_NAME}
    response = HttpResponse(write_opml(title, _outlines(request)), content_type="text/x-opml")
    response["Content-Disposition"] = 'attachment; filename="following.opml"'
    return response


@login_required
def opml_import(request: AuthedRequest) -> HttpResponse:
    """/reader/opml/import/: follow this network's blogs and tags from a subscription list."""
    form = OpmlImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        try:
            result = import_opml(
                user=request.user, data=form.cleaned_data["file"], request_host=request.get_host()
            )
        except ActionError as error:  # OpmlError, or a blog that turned private meanwhile
            form.add_error("file", str(error.message))
    return render(request, "reading/reader_opml_import.html", {"form": form, "result": result})
