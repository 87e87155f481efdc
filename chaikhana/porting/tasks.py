"""Background work for imports: ids in, one action out."""

from __future__ import annotations

from django_tasks import task

from chaikhana.porting.actions import run_import
from chaikhana.porting.models import ImportRun


@task()
def run_import_task(*, run_id: int) -> None:
    if (
        run := ImportRun.objects.filter(pk=run_id).select_related("blog", "started_by").first()
    ) is not None:
        run_import(run=run)
