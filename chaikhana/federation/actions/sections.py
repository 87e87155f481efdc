"""A portal section's actor: its followers, and its boost of each story featured in it."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from chaikhana.blogs.models import Post
from chaikhana.federation import keys
from chaikhana.federation.actions.outbound import inboxes_of, queue
from chaikhana.federation.actors import CONTEXT, is_federating
from chaikhana.federation.models import Delivery, InstancePolicy, RemoteActor, SectionFollower
from chaikhana.federation.sections import (
    announce,
    followers_of,
    portal_blog,
    section_of,
    section_url,
)
from chaikhana.portal.models import Section


def follow_section(*, section: Section, actor: RemoteActor, follow_uri: str) -> bool:
    """Accept a Follow of *section* at once (a limited server's is ignored); True if stored."""
    portal = portal_blog()
    if portal is None or InstancePolicy.objects.mode_for(actor.host) is not None:
        return False
    follower, _created = SectionFollower.objects.update_or_create(
        section=section, remote=actor, defaults={"follow_uri": follow_uri}
    )
    ident = section_url(section)
    accept = {
        "@context": CONTEXT,
        "id": f"{ident}#accepts/{follower.pk}",
        "type": "Accept",
        "actor": ident,
        "object": {"id": follow_uri, "type": "Follow", "actor": actor.uri, "object": ident},
    }
    signer = keys.section_actor(section.pk)
    queue(blog=portal, activity=accept, inboxes=[actor.inbox], post_id=None, signer=signer)
    return True


def unfollow_sections(*, actor: RemoteActor, follow_uri: str, section: Section | None) -> None:
    """Undo of a Follow: of *section* when named, else the Follow with that id."""
    follows = SectionFollower.objects.filter(remote=actor)
    if section is not None:
        follows.filter(section=section).delete()
    elif follow_uri:
        follows.filter(follow_uri=follow_uri).delete()


@transaction.atomic
def announce_in_section(*, story: Post) -> bool:
    """Boost a featured story from its section's actor to the section's followers, once."""
    portal = story.blog
    section = section_of(story)
    if section is None or not portal.is_editorial or not is_federating(portal):
        return False
    if not (story.is_public and story.kind == Post.Kind.POST):
        return False
    activity: dict[str, Any] = announce(section, story)
    if Delivery.objects.filter(blog=portal, activity__id=activity["id"]).exists():
        return False  # featured before
    inboxes = inboxes_of(followers_of(section))
    signer = keys.section_actor(section.pk)
    queue(blog=portal, activity=activity, inboxes=inboxes, post_id=story.pk, signer=signer)
    return bool(inboxes)
