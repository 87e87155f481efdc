"""/mirrors/: where to read the network when its address is blocked; /network/mirrors/ for staff."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chaikhana.core.errors import ActionError
from chaikhana.mirrors import conf, packs, signing
from chaikhana.mirrors.access import access_course_pack, access_mirror
from chaikhana.mirrors.actions import mirrors as actions
from chaikhana.mirrors.forms import MirrorForm
from chaikhana.mirrors.models import Mirror
from chaikhana.mirrors.packs import make
from chaikhana.network.access import staff_view
from chaikhana.network.views.common import run, staff_user
from chaikhana.portal.models import Section


def _public_key() -> signing.PublicKey | None:
    try:
        return signing.load_secret(conf.signing_key()).public_key()
    except signing.SigningError:
        return None


def _onion() -> str:
    return f"http://{settings.ONION_HOST}/" if settings.ONION_HOST else ""


def mirrors_page(request: HttpRequest) -> HttpResponse:
    key = _public_key()
    context = {
        "mirrors": Mirror.objects.listed(),
        "onion": _onion(),
        "packs": packs.available(),
        "public_key": key.to_line() if key else "",
        "key_id": key.hex_id if key else "",
    }
    return render(request, "mirrors/mirrors.html", context)


def mirrors_json(request: HttpRequest) -> JsonResponse:
    key = _public_key()
    data = {
        "site": settings.SITE_URL + "/",
        "onion": _onion() or None,
        "mirrors": [
            {"url": m.url, "label": m.label, "updated": m.built_at and m.built_at.isoformat()}
            for m in Mirror.objects.listed()
        ],
        "packs": [
            {
                "url": request.build_absolute_uri(reverse("mirrors:pack", args=[p.name])),
                "size": p.size,
                "built": p.built_at.isoformat(),
                "signature": p.signed
                and request.build_absolute_uri(reverse("mirrors:pack", args=[p.name + ".minisig"])),
            }
            for p in packs.available()
        ],
        "minisign_public_key": key.to_line() if key else None,
    }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})


def public_key(request: HttpRequest) -> HttpResponse:
    key = _public_key()
    if key is None:
        raise Http404(_("This network does not sign its mirrors yet."))
    return HttpResponse(key.to_file(), content_type="text/plain; charset=utf-8")


def pack(request: HttpRequest, name: str) -> FileResponse:
    known = {p.name for p in packs.available()}
    if name.removesuffix(".minisig") not in known:
        raise Http404(_("There is no such pack."))
    path = packs.folder() / name
    if not path.is_file():
        raise Http404(_("There is no such pack."))
    return FileResponse(path.open("rb"), as_attachment=True, filename=name)


def section_pack(request: HttpRequest, slug: str) -> FileResponse:
    """A portal section's EPUB (public), built first when missing or a day old."""
    if not Section.objects.filter(slug=slug).exists():
        raise Http404(_("There is no such section."))
    try:
        signing.load_secret(settings.MIRROR_SIGNING_KEY)  # before a build, not after it
        path = make.section_epub(section=slug)
    except signing.SigningError as err:  # no key on this network: no signed packs to give
        raise Http404(_("There is no such pack.")) from err
    return FileResponse(path.open("rb"), as_attachment=True, filename=path.name)


@login_required
def course_pack(request: HttpRequest, slug: str) -> FileResponse:
    """A course's materials as an EPUB, for its students and tutors only; never cached."""
    course = access_course_pack(request.user, slug)
    url = request.build_absolute_uri(reverse("courses:course", args=[course.slug]))
    try:
        path = make.build_course_pack(course=course, url=url)
    except signing.SigningError as err:
        raise Http404(_("There is no such pack.")) from err
    response = FileResponse(path.open("rb"), as_attachment=True, filename=path.name)
    patch_cache_control(response, private=True, no_store=True)
    return response


@staff_view
def staff_mirrors(request: HttpRequest) -> HttpResponse:
    form = MirrorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data, by = form.cleaned_data, staff_user(request)
        try:
            actions.add_mirror(url=data["url"], label=data["label"], target=data["target"], by=by)
        except ActionError as err:
            form.add_error(err.field, str(err.message))
        else:
            messages.success(request, _("%(url)s is listed.") % {"url": data["url"]})
            return redirect("mirrors:staff")
    status = 400 if request.method == "POST" else 200
    context = {"mirrors": Mirror.objects.all(), "form": form, "section": "mirrors"}
    return render(request, "mirrors/staff.html", context, status=status)


@staff_view
@require_POST
def staff_remove(request: HttpRequest, pk: int) -> HttpResponse:
    mirror = access_mirror(request.user, pk)
    by = staff_user(request)
    run(
        request,
        lambda: actions.remove_mirror(mirror=mirror, by=by),
        _("%(url)s is no longer listed.") % {"url": mirror.url},
    )
    return redirect("mirrors:staff")
