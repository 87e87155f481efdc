"""A list per blog, section and tag, made the first time someone subscribes."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from chaikhana.blogs.models import Blog, Tag
from chaikhana.newsletters.models import MailingList
from chaikhana.portal.models import Section


def _get_or_create(kind: str, name: str = "", **key: object) -> MailingList:
    found = MailingList.objects.filter(kind=kind, **key).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            return MailingList.objects.create(kind=kind, name=name, **key)
    except IntegrityError:  # made by a neighbour between our read and our write
        return MailingList.objects.get(kind=kind, **key)


def list_for_blog(*, blog: Blog) -> MailingList:
    return _get_or_create(MailingList.Kind.BLOG, blog=blog)


def list_for_section(*, section: Section) -> MailingList:
    return _get_or_create(MailingList.Kind.SECTION, section=section)


def list_for_tag(*, slug: str) -> MailingList:
    """The tag across the network; its name is the one a listed blog gives it."""
    name = (
        Tag.objects.filter(slug=slug, blog__in=Blog.objects.listed())
        .values_list("name", flat=True)
        .first()
    )
    return _get_or_create(MailingList.Kind.TAG, name=name or "", tag=slug)
