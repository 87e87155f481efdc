"""Files no row points to, and rows pointing at files that are gone (`manage.py check_media`).

A full disk, a killed worker or a restore from an older copy can leave either: a file written
whose row never was (an upload's file is stored before its row), or a row whose file never
arrived or was lost. Only the names the product gives its own files are judged — a blog's
uploads and their renditions (``blogs/``) in media storage, imports and exports in private
storage — so nothing an administrator put beside them is ever called an orphan. Reads only;
network.actions.storage removes what this finds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.files.storage import Storage, default_storage
from django.utils import timezone

from chaikhana.core.private import private_storage
from chaikhana.media.models import MediaFile, Rendition
from chaikhana.network.backup.media import walk
from chaikhana.porting.models import ImportRun, UserExport

# A file younger than this may belong to an upload whose row is being written.
GRACE = timedelta(hours=1)


@dataclass(frozen=True)
class Missing:
    """A row whose file is not in storage."""

    kind: str  # "media", "rendition", "import", "export"
    pk: int
    name: str


@dataclass
class StorageReport:
    orphans: dict[str, list[str]] = field(default_factory=dict)  # "media"/"private" -> names
    missing: list[Missing] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not any(self.orphans.values()) and not self.missing


def storages() -> dict[str, tuple[Storage, tuple[str, ...]]]:
    """Each storage checked, with the folders of it that belong to the product's rows."""
    return {
        "media": (default_storage, ("blogs",)),
        "private": (private_storage(), ("imports", "exports")),
    }


def _referenced() -> dict[str, dict[str, tuple[str, int]]]:
    """name -> (kind, pk) for every file a row points to, per storage."""
    media: dict[str, tuple[str, int]] = {}
    for pk, name in MediaFile.objects.values_list("pk", "file").iterator():
        media[name] = ("media", pk)
    for pk, name in Rendition.objects.values_list("pk", "file").iterator():
        media[name] = ("rendition", pk)
    private: dict[str, tuple[str, int]] = {}
    for pk, name, extra in ImportRun.objects.values_list("pk", "file", "extra_files").iterator():
        for one in [name, *(extra or [])]:
            private[one] = ("import", pk)
    for pk, name in UserExport.objects.values_list("pk", "file").iterator():
        private[name] = ("export", pk)
    return {"media": media, "private": private}


def _older_than(storage: Storage, names: Iterable[str], before: datetime) -> list[str]:
    old = []
    for name in names:
        try:
            if storage.get_modified_time(name) < before:
                old.append(name)
        except FileNotFoundError:  # removed meanwhile
            continue
    return old


def check_storage(*, now: datetime | None = None, grace: timedelta = GRACE) -> StorageReport:
    """What is out of step between the rows and the stored files right now."""
    before = (now or timezone.now()) - grace
    referenced, report = _referenced(), StorageReport()
    for alias, (storage, folders) in storages().items():
        stored = {name for folder in folders for name in walk(storage, folder)}
        known = referenced[alias]
        report.orphans[alias] = sorted(_older_than(storage, stored - known.keys(), before))
        for name, (kind, pk) in sorted(known.items()):
            if name and name not in stored:
                report.missing.append(Missing(kind, pk, name))
    return report
