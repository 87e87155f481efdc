"""Who may do what in a blog's media library: pure predicates over a membership."""

from __future__ import annotations

from chaikhana.blogs.models import Membership
from chaikhana.blogs.roles import EDITS_ALL_POSTS
from chaikhana.media.models import MediaFile


def can_upload(membership: Membership | None) -> bool:
    """Any member: a contributor's draft needs its photos as much as an editor's."""
    return membership is not None


def can_change_media(membership: Membership | None, media: MediaFile) -> bool:
    """Owners and editors change any file; other members the files they uploaded."""
    if membership is None:
        return False
    return membership.role in EDITS_ALL_POSTS or media.uploaded_by_id == membership.user_id
