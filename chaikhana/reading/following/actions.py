"""Following and unfollowing: idempotent writes, guarded by what the reader may read."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog, Tag
from chaikhana.core.errors import ActionError
from chaikhana.reading.following.models import BlogFollow, TagFollow

MAX_TAG_SLUG = 100


def _require_readable(user: User, blog: Blog) -> None:
    if not Blog.objects.readable_by(user).filter(pk=blog.pk).exists():
        # The same words as a 404: a private blog's existence is not hers to learn.
        raise ActionError(_("There is no blog at this address."))


def clean_tag_slug(slug: str) -> str:
    """A tag slug as blogs make them (transliterated, lowercase), or an ActionError."""
    slug = (slug or "").strip().lower()
    try:
        validate_slug(slug)
    except ValidationError as error:
        raise ActionError(_("This is not a tag."), field="slug") from error
    if len(slug) > MAX_TAG_SLUG:
        raise ActionError(_("This is not a tag."), field="slug")
    return slug


def _tag_name(slug: str) -> str:
    """How the network writes the tag (its name in a listed blog), else the slug itself."""
    tag = Tag.objects.filter(slug=slug, blog__in=Blog.objects.listed()).order_by("pk").first()
    return tag.name if tag is not None else ""


@transaction.atomic
def follow_blog(*, user: User, blog: Blog) -> BlogFollow:
    """Follow *blog*; following it again changes nothing."""
    _require_readable(user, blog)
    follow, _created = BlogFollow.objects.get_or_create(user=user, blog=blog)
    return follow


@transaction.atomic
def unfollow_blog(*, user: User, blog: Blog) -> None:
    """Stop following *blog*; not following it is not an error."""
    BlogFollow.objects.filter(user=user, blog=blog).delete()


@transaction.atomic
def follow_tag(*, user: User, slug: str) -> TagFollow:
    """Follow the tag *slug* across the network's listed blogs; again changes nothing."""
    slug = clean_tag_slug(slug)
    follow, _created = TagFollow.objects.get_or_create(
        user=user, slug=slug, defaults={"name": _tag_name(slug)}
    )
    return follow


@transaction.atomic
def unfollow_tag(*, user: User, slug: str) -> None:
    TagFollow.objects.filter(user=user, slug=(slug or "").strip().lower()).delete()


@transaction.atomic
def import_follows(*, user: User, blogs: Iterable[Blog], tag_slugs: Iterable[str]) -> int:
    """Follow all of *blogs* and *tag_slugs* or, if one is refused, none of them.

    Returns how many follows are new.
    """
    new = 0
    for blog in blogs:
        _require_readable(user, blog)
        new += BlogFollow.objects.get_or_create(user=user, blog=blog)[1]
    for raw in tag_slugs:
        slug = clean_tag_slug(raw)
        new += TagFollow.objects.get_or_create(
            user=user, slug=slug, defaults={"name": _tag_name(slug)}
        )[1]
    return new
