"""Porting's pages: old WordPress links (301), and the dashboard's imports (upload, progress)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    JsonResponse,
)
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from chaikhana.blogs.views.common import reader_blog
from chaikhana.core.errors import ActionError
from chaikhana.porting.access import access_import_blog, access_import_run, readable_posts
from chaikhana.porting.actions import start_import, start_lj_import
from chaikhana.porting.forms import ImportForm, LjImportForm
from chaikhana.porting.models import ImportRun
from chaikhana.porting.wxr import redirects


def legacy_link(request: HttpRequest, path: str, blog: str | None = None) -> HttpResponse:
    """A WordPress-shaped address none of the blog's own routes answered."""
    the_blog, membership = reader_blog(request, blog)
    target = redirects.by_path(the_blog, readable_posts(request, the_blog, membership), path)
    if target is None:
        raise Http404(_("No such page."))
    return HttpResponsePermanentRedirect(target)


@login_required
def import_upload(request: HttpRequest, blog: str) -> HttpResponse:
    the_blog = access_import_blog(request.user, blog)  # type: ignore[arg-type]
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            run = start_import(
                blog=the_blog,
                by=request.user,  # type: ignore[arg-type]
                upload=form.cleaned_data["file"],
                fetch_media=form.cleaned_data["fetch_media"],
            )
        except ActionError as error:
            form.add_error(None, str(error.message))
        else:
            return redirect("porting:import_run", blog=the_blog.name, run_id=run.pk)
    return render(request, "porting/import_upload.html", {"blog": the_blog, "form": form})


@login_required
def import_lj_upload(request: HttpRequest, blog: str) -> HttpResponse:
    the_blog = access_import_blog(request.user, blog)  # type: ignore[arg-type]
    form = LjImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            run = start_lj_import(
                blog=the_blog,
                by=request.user,  # type: ignore[arg-type]
                entries=form.cleaned_data["entries"],
                comments=form.comment_files(),
            )
        except ActionError as error:
            form.add_error(None, str(error.message))
        else:
            return redirect("porting:import_run", blog=the_blog.name, run_id=run.pk)
    return render(request, "porting/import_lj_upload.html", {"blog": the_blog, "form": form})


@login_required
def import_run(request: HttpRequest, blog: str, run_id: int) -> HttpResponse:
    run = access_import_run(request.user, blog, run_id)  # type: ignore[arg-type]
    if request.GET.get("format") == "json":
        return JsonResponse(
            {
                "state": run.state,
                "done": run.done,
                "total": run.total,
                "finished": run.finished_at is not None,
            }
        )
    template = (
        "porting/import_lj_run.html"
        if run.kind == ImportRun.Kind.LIVEJOURNAL
        else "porting/import_run.html"
    )
    return render(request, template, {"blog": run.blog, "run": run, "report": run.report})
