"""The portal's pages in the page cache: what each depends on, and who bumps it.

Two dependencies of their own: ``portal`` (curation, calls, submissions in community streams,
fact-checks, corrections, translations) and ``portal:figures`` (most read / most linked, bumped
by the figures task's signal, so a flush every few minutes does not clear story pages).
Stories are posts of the portal blog: their changes already bump the post and the blog's lists.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save

from chaikhana.blogs.models import Blog, Post
from chaikhana.portal import models as portal_models
from chaikhana.portal.figures.signals import figures_updated
from chaikhana.reading.cache import invalidation
from chaikhana.reading.cache.keys import (
    NETWORK,
    PAGE_DEPENDENCIES,
    blog_lists_dep,
    blog_settings_dep,
    post_dep,
)

PORTAL = "portal"
FIGURES = "portal:figures"


def _portal_lists(request: Any) -> list[str]:
    # One query, on a cache miss only (the deps of a URL are learnt once).
    blog_id = Blog.objects.filter(name="portal").values_list("pk", flat=True).first()
    return [blog_lists_dep(blog_id), blog_settings_dep(blog_id)] if blog_id else []


def _home(request: Any, response: Any) -> list[str]:
    return [NETWORK, PORTAL, FIGURES, *_portal_lists(request)]


def _section(request: Any, response: Any) -> list[str]:
    # NETWORK too: the community stream shows bloggers' own posts, whose changes bump it.
    return [NETWORK, PORTAL, *_portal_lists(request)]


def _plain(request: Any, response: Any) -> list[str]:
    return [PORTAL, *_portal_lists(request)]


def _story(request: Any, response: Any) -> list[str] | None:
    match = request.resolver_match
    slug = match.kwargs.get("slug") if match else None
    story = Post.objects.filter(blog__name="portal", slug=slug).values("pk", "blog_id").first()
    if story is None:
        return None
    return [post_dep(story["pk"]), blog_settings_dep(story["blog_id"]), PORTAL]


PAGES = {
    "portal:home": _home,
    "portal:section": _section,
    "portal:callouts": _plain,
    "portal:callout": _plain,
    "portal:story": _story,
    "reading:portal_feed": _plain,
    "reading:portal_feed_atom": _plain,
    "reading:section_feed": _plain,
    "reading:section_feed_atom": _plain,
    "reading:portal_feed_json": _plain,
    "reading:section_feed_json": _plain,
}
# Editorial tables whose rows show on public portal pages.
WATCHED = (
    portal_models.Submission,
    portal_models.Claim,
    portal_models.Source,
    portal_models.Correction,
    portal_models.FrontPageItem,
    portal_models.Callout,
    portal_models.Section,
    portal_models.StoryTranslation,
)


def on_portal_row_changed(sender: Any, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    invalidation.bump(PORTAL)
    # The original's own page shows "Featured on the portal" from its submission: it comes
    # with publication and goes with withdrawal or a pseudonym.
    instance = kwargs.get("instance")
    if isinstance(instance, portal_models.Submission) and instance.original_id:
        invalidation.bump(post_dep(instance.original_id))


def on_figures_updated(sender: Any, **kwargs: Any) -> None:
    invalidation.bump(FIGURES)


def connect() -> None:
    """Register the portal's pages and listen to its tables (ReadingConfig.ready)."""
    PAGE_DEPENDENCIES.update(PAGES)
    uid = "reading.cache.portal"
    for model in WATCHED:
        post_save.connect(on_portal_row_changed, sender=model, dispatch_uid=f"{uid}.s.{model}")
        post_delete.connect(on_portal_row_changed, sender=model, dispatch_uid=f"{uid}.d.{model}")
    figures_updated.connect(on_figures_updated, dispatch_uid=f"{uid}.figures")
