"""Changing the network's settings and its invite codes."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.core import network_settings
from chaikhana.core.errors import ActionError
from chaikhana.core.models import InviteCode, NetworkSettings
from chaikhana.media.images import square_png
from chaikhana.media.sniff import HEAD_BYTES, sniff
from chaikhana.network.actions.audit import audit

SETTING_FIELDS = {
    "name",
    "languages",
    "signup",
    "default_theme",
    "blogs_per_user",
    "quota_mb",
    "comment_mode",
    "hold_first_comment",
    "theme_color",
    "newsletter_per_hour",
}


ICON_SIZE = 512


def _stored_icon(uploaded: File) -> str:
    """*uploaded* as the network's 512-px square PNG in storage; ActionError if not an image."""
    uploaded.seek(0)
    kind = sniff(uploaded.read(HEAD_BYTES))
    uploaded.seek(0)
    if kind.pillow_format is None:
        raise ActionError(_("The icon must be a picture: PNG, JPEG, WebP or AVIF."), field="icon")
    try:
        data = square_png(uploaded, kind.pillow_format, ICON_SIZE)
    except ActionError as err:
        raise ActionError(err.message, field="icon") from err
    return default_storage.save(f"network/icon-{secrets.token_hex(8)}.png", ContentFile(data))


@transaction.atomic
def update_network_settings(
    *, by: User, icon: File | None = None, remove_icon: bool = False, **changes: Any
) -> NetworkSettings:
    """Store the network's settings; every process reads them afresh after commit.

    A new *icon* (any still picture; its middle square is kept) replaces the old one;
    *remove_icon* goes back to the icons drawn from the network's name.
    """
    unknown = set(changes) - SETTING_FIELDS
    if unknown:
        raise TypeError(f"not network settings: {sorted(unknown)}")
    row, _created = NetworkSettings.objects.select_for_update().get_or_create(pk=1)
    if icon is not None or remove_icon:
        changes["icon"] = _stored_icon(icon) if icon is not None else ""
        if row.icon and row.icon != changes["icon"]:
            old = row.icon
            transaction.on_commit(lambda: default_storage.delete(old))
    changed = {k: v for k, v in changes.items() if getattr(row, k) != v}
    before = {k: getattr(row, k) for k in changed}
    for field, value in changed.items():
        setattr(row, field, value)
    row.save()
    audit(
        actor=by,
        action="settings.changed",
        target=row,
        details={"before": before, "after": changed},
    )
    network_settings.invalidate()  # now, and again once committed: no stale re-read between
    transaction.on_commit(network_settings.invalidate)
    return row


@transaction.atomic
def create_invite(
    *, by: User, max_uses: int, expires_at: datetime | None, note: str = ""
) -> InviteCode:
    """A new random invite code for *max_uses* sign-ups, until *expires_at* if given."""
    if max_uses < 1:
        raise ActionError(_("An invite code must allow at least one sign-up."), field="max_uses")
    invite = InviteCode.objects.create(
        code=secrets.token_urlsafe(9), max_uses=max_uses, expires_at=expires_at,
        note=note, created_by=by,
    )  # fmt: skip
    details = {"max_uses": max_uses, "expires_at": expires_at.isoformat() if expires_at else None}
    audit(actor=by, action="invite.created", target=invite, details=details)
    return invite


@transaction.atomic
def revoke_invite(*, invite: InviteCode, by: User) -> InviteCode:
    """Let nobody else sign up with *invite* (its past uses stand)."""
    invite = InviteCode.objects.select_for_update().get(pk=invite.pk)
    if invite.uses >= invite.max_uses:
        raise ActionError(_("This invite code is already used up."))
    invite.max_uses = invite.uses
    invite.save(update_fields=["max_uses"])
    audit(actor=by, action="invite.revoked", target=invite, details={"uses": invite.uses})
    return invite
