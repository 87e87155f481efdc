"""Porting's writes: starting a dashboard import, and running it (from the task)."""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog
from chaikhana.core.errors import ActionError
from chaikhana.core.tasks import enqueue_on_commit
from chaikhana.porting.access import access_import_blog
from chaikhana.porting.models import ImportRun
from chaikhana.porting.wxr.importer import Options, import_wxr
from chaikhana.porting.wxr.parser import WxrError
from chaikhana.porting.wxr.people import match_only


@transaction.atomic
def start_import(*, blog: Blog, by: User, upload: UploadedFile, fetch_media: bool) -> ImportRun:
    """Store the uploaded WXR and queue its import into *blog* (owners only)."""
    access_import_blog(by, blog.name)
    if ImportRun.objects.filter(
        blog=blog, state__in=[ImportRun.State.WAITING, ImportRun.State.RUNNING]
    ).exists():
        raise ActionError(_("An import into this blog is already under way."))
    run = ImportRun.objects.create(blog=blog, started_by=by, fetch_media=fetch_media)
    run.file.save(f"{blog.pk}-{timezone.now():%Y%m%d%H%M%S}.xml", upload, save=True)
    from chaikhana.porting.tasks import run_import_task

    enqueue_on_commit(run_import_task, run_id=run.pk)
    return run


def run_import(*, run: ImportRun) -> None:
    """Import *run*'s file, keeping its progress and report; safe to run twice."""
    if (
        run.state not in (ImportRun.State.WAITING, ImportRun.State.RUNNING)
        or run.started_by is None
    ):
        return
    ImportRun.objects.filter(pk=run.pk).update(state=ImportRun.State.RUNNING)

    def progress(done: int, total: int) -> None:
        ImportRun.objects.filter(pk=run.pk).update(done=done, total=total)

    options = Options(
        match=match_only(run.started_by), fetch_media=run.fetch_media, progress=progress
    )
    try:
        report = import_wxr(
            source=lambda: run.file.open("rb"), blog=run.blog, owner=run.started_by, options=options
        )
    except (WxrError, ActionError) as error:
        _finish(run, ImportRun.State.FAILED, error=str(error))
        return
    _finish(run, ImportRun.State.DONE, report=report.as_dict())


def _finish(
    run: ImportRun, state: str, *, error: str = "", report: dict[str, object] | None = None
) -> None:
    run.state, run.error, run.report, run.finished_at = state, error, report or {}, timezone.now()
    run.save(update_fields=["state", "error", "report", "finished_at"])
