"""Putting files and rows back in step after a fault (network/storage_check.py finds them)."""

from __future__ import annotations

import logging

from chaikhana.media.actions import forget_missing_renditions
from chaikhana.network.storage_check import StorageReport, storages

logger = logging.getLogger(__name__)


def repair_storage(*, report: StorageReport) -> tuple[int, int]:
    """Remove the orphan files in *report* and remake its missing renditions; (files removed,
    renditions queued again). Uploads, imports and exports with a missing file are listed by
    the check for a person to decide: their rows carry what a person wrote or asked for."""
    removed = 0
    for alias, names in report.orphans.items():
        storage = storages()[alias][0]
        for name in names:
            storage.delete(name)
            logger.warning("Removed %s file no row points to: %s", alias, name)
            removed += 1
    lost = [m.pk for m in report.missing if m.kind == "rendition"]
    return removed, forget_missing_renditions(rendition_ids=lost) if lost else 0
