"""The portal's sections as actors: ``@portal.<section>@<host>``, followable from the fediverse.

A section boosts (Announce) each portal story featured in it — the story, the portal's own
Article, never the blogger's original, so a pseudonymous story points at no blog. Blog
addresses have no dot (blogs/validators.py), so ``portal.<slug>`` can never be a blog's. The
section's actor lives while the portal federates; it has its own key and followers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from chaikhana.blogs.models import Blog, Post
from chaikhana.core.urls import absolute_url
from chaikhana.federation import keys, objects
from chaikhana.federation.actors import AS_PUBLIC, CONTEXT, is_federating, reverse, shared_inbox
from chaikhana.federation.models import SectionFollower
from chaikhana.portal.models import CurationLog, Section, Submission

PREFIX = "portal."
FEATURING = ("lead", "feature")  # the CurationLog steps that put a story on the front page


@dataclass(frozen=True)
class Followable:
    """What the follow box and the remote-follow page show of a section (a blog has the same)."""

    name: str
    title: str
    url: str

    def get_absolute_url(self) -> str:
        return self.url


def followable(section: Section) -> Followable:
    page = reverse("portal:section", slug=section.slug)
    return Followable(name=section_name(section), title=section.name, url=page)


def section_name(section: Section) -> str:
    return f"{PREFIX}{section.slug}"


def section_url(section: Section, view: str = "actor") -> str:
    return absolute_url(reverse(f"federation:{view}", name=section_name(section)))


def portal_blog() -> Blog | None:
    return Blog.objects.filter(is_editorial=True).order_by("pk").first()


def actor_section(name: str) -> Section | None:
    """The section behind actor *name* while the portal federates, else None (404)."""
    if not name.startswith(PREFIX):
        return None
    portal = portal_blog()
    if portal is None or not is_federating(portal):
        return None
    return Section.objects.filter(slug=name.removeprefix(PREFIX)).first()


def section_json(section: Section) -> dict[str, Any]:
    key = keys.key_for(keys.section_actor(section.pk))
    ident = section_url(section)
    return {
        "@context": CONTEXT,
        "id": ident,
        "type": "Organization",
        "preferredUsername": section_name(section),
        "name": section.name,
        "summary": section.description,
        "url": absolute_url(reverse("portal:section", slug=section.slug)),
        "inbox": section_url(section, "inbox"),
        "outbox": section_url(section, "outbox"),
        "followers": section_url(section, "followers"),
        "following": section_url(section, "following"),
        "featured": section_url(section, "featured"),
        "endpoints": {"sharedInbox": shared_inbox()},
        "manuallyApprovesFollowers": False,
        "discoverable": True,
        "indexable": True,
        "publicKey": {"id": f"{ident}#main-key", "owner": ident, "publicKeyPem": key.public_pem},
        "icon": {
            "type": "Image",
            "mediaType": "image/png",
            "url": absolute_url(reverse("app_icon", size=512)),
        },
    }


def announce(section: Section, story: Post) -> dict[str, Any]:
    """The section's boost of *story* (the portal's Article: no blogger named)."""
    ident = section_url(section)
    return {
        "@context": CONTEXT,
        "id": f"{ident}#announces/{story.pk}",
        "type": "Announce",
        "actor": ident,
        "published": story.published_at.isoformat() if story.published_at else None,
        "to": [AS_PUBLIC],
        "cc": [section_url(section, "followers")],
        "object": objects.post_id(story.pk),
    }


def section_of(story: Post) -> Section | None:
    submission = Submission.objects.filter(story=story).select_related("section").first()
    return submission.section if submission is not None else None


def featured_stories(section: Section) -> QuerySet[Post]:
    """The section's public stories that were ever put on the front page, newest first."""
    featured = CurationLog.objects.filter(action__in=FEATURING).values("story_id")
    return (
        Post.objects.filter(
            pk__in=featured, portal_submission__section=section, blog__is_editorial=True
        )
        .posts()
        .published()
        .order_by("-published_at", "-pk")
    )


def followers_of(section: Section) -> QuerySet[SectionFollower]:
    return SectionFollower.objects.filter(section=section)
