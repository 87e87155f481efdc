"""Storing a file whole or not at all, with a clear message when the disk is full.

Django's FileSystemStorage leaves what it managed to write when the disk fills in the middle
of a file (ENOSPC) and raises a bare OSError, which the person uploading would see as a 500,
and which would leave a partial file no row points to. :func:`save_whole` removes the partial
file and raises :class:`StorageFull`, an ActionError her form shows next to the file field.
"""

from __future__ import annotations

import errno
import logging

from django.core.files import File
from django.core.files.storage import Storage
from django.utils.translation import gettext_lazy as _

from chaikhana.core.errors import ActionError

logger = logging.getLogger(__name__)

# No space left, the quota of the user we run as, or a file-size limit (RLIMIT_FSIZE).
NO_ROOM = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


class StorageFull(ActionError):
    """The server's disk has no room for this file; nothing of it was kept."""


def save_whole(storage: Storage, name: str, content: File, *, field: str = "file") -> str:
    """Save *content* under *name* (or the free name storage picks); the name used."""
    name = storage.get_available_name(name)
    try:
        return storage.save(name, content)
    except OSError as error:
        if error.errno not in NO_ROOM:
            raise
        logger.error("No room to store %s: %s", name, error)
        if storage.exists(name):
            storage.delete(name)
        raise StorageFull(
            _(
                "The server has no room left to store this file, so nothing was kept."
                " Please try again later."
            ),
            field=field,
        ) from error
