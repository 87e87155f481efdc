"""Curating the front page: the editor-in-chief sets the lead and orders the featured stories."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Post
from chaikhana.core.errors import ActionError
from chaikhana.portal.models import CurationLog, FrontPageItem, PortalRole
from chaikhana.portal.models.front import FrontPlace

ACTIONS = ("lead", "feature", "unfeature", "up", "down")


def _require_chief(by: User) -> None:
    if not PortalRole.objects.filter(user=by, role=PortalRole.Role.EDITOR_IN_CHIEF).exists():
        raise PermissionDenied(_("Only the editor-in-chief curates the front page."))


@transaction.atomic
def curate(*, story: Post, by: User, action: str) -> FrontPageItem | None:
    """Apply one curation *action* to a live story and log it; returns its place, if any."""
    _require_chief(by)
    if action not in ACTIONS:
        raise ActionError(_("There is no such curation step."))
    if story.blog.name != "portal" or not story.is_public:
        raise ActionError(_("Only published portal stories go on the front page."))
    # Serialise curators: positions and the single lead are read-modify-write.
    list(FrontPageItem.objects.select_for_update().values_list("pk", flat=True))
    item = FrontPageItem.objects.filter(story=story).first()
    result = _STEPS[action](story, item)
    CurationLog.objects.create(story=story, action=action, by=by)
    return result


def _set_lead(story: Post, item: FrontPageItem | None) -> FrontPageItem:
    # The old lead stays on the front page as the first featured story, not dropped.
    FrontPageItem.objects.filter(place=FrontPlace.LEAD).exclude(story=story).update(
        place=FrontPlace.FEATURED, position=0
    )
    item = item or FrontPageItem(story=story)
    item.place, item.position, item.updated_at = FrontPlace.LEAD, 0, timezone.now()
    item.save()
    return item


def _feature(story: Post, item: FrontPageItem | None) -> FrontPageItem:
    if item is not None and item.place == FrontPlace.FEATURED:
        return item
    last = FrontPageItem.objects.aggregate(n=Max("position"))["n"] or 0
    item = item or FrontPageItem(story=story)
    item.place, item.position, item.updated_at = FrontPlace.FEATURED, last + 1, timezone.now()
    item.save()
    return item


def _unfeature(story: Post, item: FrontPageItem | None) -> None:
    if item is not None:
        item.delete()


def _move(item: FrontPageItem | None, step: int) -> FrontPageItem | None:
    if item is None or item.place != FrontPlace.FEATURED:
        raise ActionError(_("Only featured stories can be moved."))
    featured = list(FrontPageItem.objects.filter(place=FrontPlace.FEATURED))
    index = next(i for i, other in enumerate(featured) if other.pk == item.pk)
    target = index + step
    if 0 <= target < len(featured):
        featured[index], featured[target] = featured[target], featured[index]
    # Renumber all: positions stay dense, so "up" always moves by exactly one place.
    for position, other in enumerate(featured, start=1):
        FrontPageItem.objects.filter(pk=other.pk).update(position=position)
    item.refresh_from_db()
    return item


_STEPS = {
    "lead": _set_lead,
    "feature": _feature,
    "unfeature": _unfeature,
    "up": lambda story, item: _move(item, -1),
    "down": lambda story, item: _move(item, 1),
}
