"""Curating the front page: the editor-in-chief sets the lead and orders the featured stories.

One action per step; each is logged (CurationLog) under its own name.
"""

from __future__ import annotations

from functools import partial

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Post
from chaikhana.core.errors import ActionError
from chaikhana.portal import signals
from chaikhana.portal.models import CurationLog, FrontPageItem, PortalRole
from chaikhana.portal.models.front import FrontPlace


def _place_of(story: Post, by: User, step: str) -> FrontPageItem | None:
    """Guard, lock and log one step; the story's current place on the front page, if any."""
    if not PortalRole.objects.filter(user=by, role=PortalRole.Role.EDITOR_IN_CHIEF).exists():
        raise PermissionDenied(_("Only the editor-in-chief curates the front page."))
    if not story.blog.is_editorial or not story.is_public:
        raise ActionError(_("Only published portal stories go on the front page."))
    # Serialise curators: positions and the single lead are read-modify-write.
    list(FrontPageItem.objects.select_for_update().values_list("pk", flat=True))
    CurationLog.objects.create(story=story, action=step, by=by)
    return FrontPageItem.objects.filter(story=story).first()


@transaction.atomic
def lead_story(*, story: Post, by: User) -> FrontPageItem:
    """Make *story* the lead; the old lead stays on the front page as the first featured."""
    item = _place_of(story, by, "lead")
    FrontPageItem.objects.filter(place=FrontPlace.LEAD).exclude(story=story).update(
        place=FrontPlace.FEATURED, position=0
    )
    item = item or FrontPageItem(story=story)
    item.place, item.position, item.updated_at = FrontPlace.LEAD, 0, timezone.now()
    item.save()
    _announce_featured(story)
    return item


@transaction.atomic
def feature_story(*, story: Post, by: User) -> FrontPageItem:
    """Add *story* at the end of the featured stories (a lead becomes featured)."""
    item = _place_of(story, by, "feature")
    if item is not None and item.place == FrontPlace.FEATURED:
        return item
    last = FrontPageItem.objects.aggregate(n=Max("position"))["n"] or 0
    item = item or FrontPageItem(story=story)
    item.place, item.position, item.updated_at = FrontPlace.FEATURED, last + 1, timezone.now()
    item.save()
    _announce_featured(story)
    return item


def _announce_featured(story: Post) -> None:
    transaction.on_commit(partial(signals.story_featured.send, Post, story_id=story.pk))


@transaction.atomic
def unfeature_story(*, story: Post, by: User) -> None:
    """Take *story* off the front page; it stays among its section's newest."""
    item = _place_of(story, by, "unfeature")
    if item is not None:
        item.delete()


@transaction.atomic
def move_story_up(*, story: Post, by: User) -> FrontPageItem:
    """One place earlier among the featured stories (the first stays first)."""
    return _move(_place_of(story, by, "up"), -1)


@transaction.atomic
def move_story_down(*, story: Post, by: User) -> FrontPageItem:
    """One place later among the featured stories (the last stays last)."""
    return _move(_place_of(story, by, "down"), 1)


def _move(item: FrontPageItem | None, step: int) -> FrontPageItem:
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
