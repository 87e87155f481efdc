"""How much a person may store, and how much she has left."""

from __future__ import annotations

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.core.errors import ActionError
from chaikhana.media.conf import default_quota_bytes
from chaikhana.media.models import MediaFile, MediaQuota


def quota_bytes(user: User) -> int:
    """Her own allowance if an administrator set one, else the network's default."""
    own = MediaQuota.objects.filter(user=user).values_list("bytes", flat=True).first()
    return default_quota_bytes() if own is None else own


def check_quota(user: User, size: int) -> None:
    """Refuse *size* more bytes when they would not fit, saying how much is left."""
    used, allowed = MediaFile.objects.bytes_used_by(user), quota_bytes(user)
    if used + size > allowed:
        raise ActionError(
            _(
                "This file (%(size)s) does not fit in your storage: %(left)s left of "
                "%(quota)s. Delete files you no longer use, or upload a smaller one."
            )
            % {
                "size": filesizeformat(size),
                "left": filesizeformat(max(allowed - used, 0)),
                "quota": filesizeformat(allowed),
            },
            field="file",
        )
