"""The portal's feeds: its newest stories, and each section's (RSS 2.0 and Atom 1.0).

Here rather than in portal/ because reading listens to the portal and never the reverse
(bin/lint_architecture.py); the base does the rest, as promised: one more ``get_object``.
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from chaikhana.blogs.models import Post
from chaikhana.portal.models import Section
from chaikhana.portal.workflow import State
from chaikhana.reading.feeds.base import (
    AtomPostFeed,
    FeedScope,
    JsonPostFeed,
    PostFeed,
    tag_authority,
)


def _stories(**submission: object) -> object:
    return (
        Post.objects.published()
        .filter(
            blog__name="portal",
            portal_submission__state=State.PUBLISHED,
            portal_submission__unpublished_at=None,
            **{f"portal_submission__{k}": v for k, v in submission.items()},
        )
        .for_listing()
    )


class _PortalScope:
    def get_object(self, request: HttpRequest) -> FeedScope:
        name = settings.NETWORK_NAME
        return FeedScope(
            title=name,
            link=reverse("portal:home"),
            description=_("Stories of %(network)s, checked by its editors") % {"network": name},
            language=get_language(),
            posts=_stories(),  # type: ignore[arg-type]
            author=name,
            authority=tag_authority(request),
        )


class _SectionScope:
    def get_object(self, request: HttpRequest, slug: str) -> FeedScope:
        section = Section.objects.filter(slug=slug).first()
        if section is None:
            raise Http404
        name = settings.NETWORK_NAME
        return FeedScope(
            title=f"{section.name} · {name}",
            link=reverse("portal:section", kwargs={"slug": section.slug}),
            description=section.description or section.name,
            language=get_language(),
            posts=_stories(section=section),  # type: ignore[arg-type]
            author=name,
            authority=tag_authority(request),
        )


class _PortalLinks:
    def item_link(self, item: Post) -> str:
        # A story's address is the portal's, not the portal blog's /@portal/… page.
        return reverse("portal:story", kwargs={"slug": item.slug})


class PortalRssFeed(_PortalLinks, _PortalScope, PostFeed):
    pass


class PortalAtomFeed(_PortalLinks, _PortalScope, AtomPostFeed):
    pass


class SectionRssFeed(_PortalLinks, _SectionScope, PostFeed):
    pass


class SectionAtomFeed(_PortalLinks, _SectionScope, AtomPostFeed):
    pass


class PortalJsonFeed(_PortalLinks, _PortalScope, JsonPostFeed):
    pass


class SectionJsonFeed(_PortalLinks, _SectionScope, JsonPostFeed):
    pass
