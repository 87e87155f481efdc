"""The portal's actor boosts (Announce) a blogger's original post when its story is featured.

Never for a story under a pseudonym: an Announce of her own post would join the story to the
blog and pen name it came from.
"""

from __future__ import annotations

from django.db import transaction

from chaikhana.blogs.models import Post
from chaikhana.federation import objects
from chaikhana.federation.actions.outbound import queue, server_inboxes
from chaikhana.federation.actors import AS_PUBLIC, CONTEXT, actor_id, actor_url, is_federating
from chaikhana.federation.models import Delivery
from chaikhana.portal.models import Submission


def _original(story: Post) -> Post | None:
    """The blogger's public, federating post behind *story*, when it may be named."""
    submission = Submission.objects.filter(story=story).select_related("original__blog").first()
    if submission is None or submission.is_pseudonymous or submission.original is None:
        return None
    original = submission.original
    if not (original.is_public and original.kind == Post.Kind.POST):
        return None
    return original if is_federating(original.blog) else None


@transaction.atomic
def announce_featured(*, story: Post) -> bool:
    """Announce the original of a featured story to the portal's followers, once."""
    portal = story.blog
    if not portal.is_editorial or not is_federating(portal):
        return False
    original = _original(story)
    if original is None:
        return False
    if Delivery.objects.filter(blog=portal, post_id=original.pk).exists():
        return False  # boosted before (featured, taken off, featured again)
    activity = {
        "@context": CONTEXT,
        "id": f"{actor_id(portal)}#announces/{original.pk}",
        "type": "Announce",
        "actor": actor_id(portal),
        "published": story.published_at.isoformat() if story.published_at else None,
        "to": [AS_PUBLIC],
        "cc": [actor_url(portal, "followers"), actor_id(original.blog)],
        "object": objects.post_id(original.pk),
    }
    queue(blog=portal, activity=activity, inboxes=server_inboxes(portal), post_id=original.pk)
    return True


@transaction.atomic
def withdraw_announce(*, story: Post) -> bool:
    """The story got a pseudonym after its original was boosted: Undo the boost."""
    submission = Submission.objects.filter(story=story).first()
    if submission is None or not submission.is_pseudonymous or submission.original_id is None:
        return False
    portal = story.blog
    sent = Delivery.objects.filter(blog=portal, post_id=submission.original_id)
    if not sent.exists() or not is_federating(portal):
        return False
    announce_id = f"{actor_id(portal)}#announces/{submission.original_id}"
    if sent.filter(activity__id=f"{announce_id}/undo").exists():
        return False
    activity = {
        "@context": CONTEXT,
        "id": f"{announce_id}/undo",
        "type": "Undo",
        "actor": actor_id(portal),
        "to": [AS_PUBLIC],
        "object": {"id": announce_id, "type": "Announce", "actor": actor_id(portal)},
    }
    queue(
        blog=portal,
        activity=activity,
        inboxes=server_inboxes(portal),
        post_id=submission.original_id,
    )
    return True
