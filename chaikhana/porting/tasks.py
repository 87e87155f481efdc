"""Background work for imports: ids in, one action out."""

from __future__ import annotations

from django_tasks import task

from chaikhana.porting.actions import build_user_export, run_import, run_lj_import
from chaikhana.porting.models import ImportRun, UserExport


@task()
def run_import_task(*, run_id: int) -> None:
    if (
        run := ImportRun.objects.filter(pk=run_id, kind=ImportRun.Kind.WXR)
        .select_related("blog", "started_by")
        .first()
    ) is not None:
        run_import(run=run)


@task()
def run_lj_import_task(*, run_id: int) -> None:
    if (
        run := ImportRun.objects.filter(pk=run_id, kind=ImportRun.Kind.LIVEJOURNAL)
        .select_related("blog", "started_by")
        .first()
    ) is not None:
        run_lj_import(run=run)


@task()
def build_user_export_task(*, export_id: int) -> None:
    export = UserExport.objects.filter(pk=export_id).select_related("user").first()
    if export is not None:
        build_user_export(export=export)
