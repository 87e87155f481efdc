"""Private file storage: uploaded imports and prepared exports, which only their owner may read.

Its root (settings.PRIVATE_ROOT) is outside MEDIA_ROOT, so no public URL reaches these files;
views that hand one out check who asks first.
"""

from __future__ import annotations

from django.core.files.storage import Storage, storages


def private_storage() -> Storage:
    """The "private" storage (a callable, so tests' settings and migrations stay stable)."""
    return storages["private"]
