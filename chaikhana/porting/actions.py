"""Porting's writes: starting a dashboard import (WordPress or LiveJournal) and running it
(from the task); preparing a person's data zip in the background."""

from __future__ import annotations

import tempfile
from collections.abc import Callable

from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog
from chaikhana.core.errors import ActionError
from chaikhana.core.files import StorageFull, save_whole
from chaikhana.core.private import private_storage
from chaikhana.core.tasks import enqueue_on_commit
from chaikhana.porting.access import access_import_blog
from chaikhana.porting.export.user import build_user_zip
from chaikhana.porting.livejournal.importer import import_lj
from chaikhana.porting.livejournal.parser import LjError
from chaikhana.porting.models import ImportRun, UserExport
from chaikhana.porting.wxr.importer import Options, import_wxr
from chaikhana.porting.wxr.parser import WxrError
from chaikhana.porting.wxr.people import match_only


def _guard(blog: Blog, by: User) -> None:
    access_import_blog(by, blog.name)
    if ImportRun.objects.filter(
        blog=blog, state__in=[ImportRun.State.WAITING, ImportRun.State.RUNNING]
    ).exists():
        raise ActionError(_("An import into this blog is already under way."))


@transaction.atomic
def start_import(*, blog: Blog, by: User, upload: UploadedFile, fetch_media: bool) -> ImportRun:
    """Store the uploaded WXR and queue its import into *blog* (owners only)."""
    _guard(blog, by)
    name = f"imports/{blog.pk}-{timezone.now():%Y%m%d%H%M%S}.xml"
    stored = save_whole(private_storage(), name, upload)  # a full disk: StorageFull, no row
    try:
        run = ImportRun.objects.create(
            blog=blog, started_by=by, fetch_media=fetch_media, file=stored
        )
    except BaseException:
        private_storage().delete(stored)
        raise
    from chaikhana.porting.tasks import run_import_task

    enqueue_on_commit(run_import_task, run_id=run.pk)
    return run


def _begin(run: ImportRun) -> tuple[User, Callable[[int, int], None]] | None:
    """Mark *run* running; its owner and progress callback, or None when over or orphaned."""
    owner = run.started_by
    if owner is None or run.state not in (ImportRun.State.WAITING, ImportRun.State.RUNNING):
        return None
    ImportRun.objects.filter(pk=run.pk).update(state=ImportRun.State.RUNNING)

    def progress(done: int, total: int) -> None:
        ImportRun.objects.filter(pk=run.pk).update(done=done, total=total)

    return owner, progress


def run_import(*, run: ImportRun) -> None:
    """Import *run*'s file, keeping its progress and report; safe to run twice."""
    if (begun := _begin(run)) is None:
        return
    owner, progress = begun

    options = Options(match=match_only(owner), fetch_media=run.fetch_media, progress=progress)
    try:
        report = import_wxr(
            source=lambda: run.file.open("rb"), blog=run.blog, owner=owner, options=options
        )
    except (WxrError, ActionError) as error:
        _finish(run, ImportRun.State.FAILED, error=str(error))
        return
    _finish(run, ImportRun.State.DONE, report=report.as_dict())


@transaction.atomic
def start_lj_import(
    *, blog: Blog, by: User, entries: UploadedFile, comments: list[UploadedFile]
) -> ImportRun:
    """Store a LiveJournal entries file and its comment files; queue their import (owners)."""
    _guard(blog, by)
    stamp = f"{blog.pk}-{timezone.now():%Y%m%d%H%M%S}"
    files = [(f"imports/lj-{stamp}.xml", entries)]
    files += [(f"imports/lj-{stamp}-comments-{i}.xml", c) for i, c in enumerate(comments, 1)]
    storage, stored = private_storage(), []
    try:  # all files, then the row; a full disk (StorageFull) or a failure keeps nothing
        for name, upload in files:
            stored.append(save_whole(storage, name, upload))
        run = ImportRun.objects.create(
            blog=blog,
            started_by=by,
            kind=ImportRun.Kind.LIVEJOURNAL,
            file=stored[0],
            extra_files=stored[1:],
        )
    except BaseException:
        for name in stored:
            storage.delete(name)
        raise
    from chaikhana.porting.tasks import run_lj_import_task

    enqueue_on_commit(run_lj_import_task, run_id=run.pk)
    return run


def run_lj_import(*, run: ImportRun) -> None:
    """Import *run*'s LiveJournal files into its blog; safe to run twice (entries are keyed)."""
    if (begun := _begin(run)) is None:
        return
    owner, progress = begun

    storage = private_storage()
    try:
        with run.file.open("rb") as entries:
            comments = [storage.open(name, "rb") for name in run.extra_files]
            try:
                report = import_lj(
                    entries=entries,
                    comments=list(comments),
                    blog=run.blog,
                    owner=owner,
                    progress=progress,
                )
            finally:
                for opened in comments:
                    opened.close()
    except (LjError, ActionError, OSError) as error:
        _finish(run, ImportRun.State.FAILED, error=str(error))
        return
    _finish(run, ImportRun.State.DONE, report=report.as_dict())


def _finish(
    run: ImportRun, state: str, *, error: str = "", report: dict[str, object] | None = None
) -> None:
    run.state, run.error, run.report, run.finished_at = state, error, report or {}, timezone.now()
    run.save(update_fields=["state", "error", "report", "finished_at"])


@transaction.atomic
def start_user_export(*, by: User) -> UserExport:
    """Queue the building of *by*'s data zip; one at a time per person."""
    User.objects.select_for_update().filter(pk=by.pk).first()  # two clicks make one export
    if UserExport.objects.filter(user=by, state=UserExport.State.WAITING).exists():
        raise ActionError(_("Your data is already being prepared."))
    export = UserExport.objects.create(user=by)
    from chaikhana.porting.tasks import build_user_export_task

    enqueue_on_commit(build_user_export_task, export_id=export.pk)
    return export


def build_user_export(*, export: UserExport) -> None:
    """Write *export*'s zip into private storage, and drop her older zips; safe to rerun."""
    if export.state != UserExport.State.WAITING:
        return
    with tempfile.TemporaryFile() as out:
        build_user_zip(user=export.user, out=out)
        out.seek(0)
        name = f"exports/{export.user_id}-{export.pk}.zip"
        try:
            export.file.name = save_whole(private_storage(), name, File(out))
        except StorageFull as full:  # nothing kept; she is told why and may ask again
            export.state, export.error = UserExport.State.FAILED, str(full.message)
            export.finished_at = timezone.now()
            export.save(update_fields=["state", "error", "finished_at"])
            return
    export.state, export.finished_at = UserExport.State.DONE, timezone.now()
    export.save(update_fields=["file", "state", "finished_at"])
    for old in UserExport.objects.filter(user_id=export.user_id).exclude(pk=export.pk):
        delete_user_export(export=old)


def delete_user_export(*, export: UserExport) -> None:
    """Remove a prepared zip, file and row."""
    if export.file:
        export.file.delete(save=False)
    export.delete()
