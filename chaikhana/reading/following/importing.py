"""Importing an OPML subscription list: what is ours becomes a follow, the rest is listed back."""

from __future__ import annotations

from dataclasses import dataclass, field

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog
from chaikhana.core.errors import ActionError
from chaikhana.reading.following.actions import clean_tag_slug, import_follows
from chaikhana.reading.following.addresses import Target, our_hosts, target_of
from chaikhana.reading.following.opml import Outline, read_opml


@dataclass
class ImportResult:
    new_follows: int = 0
    matched: int = 0
    outside: list[Outline] = field(default_factory=list)  # other sites: skipped, not fetched
    unknown: list[Outline] = field(default_factory=list)  # ours, but no such blog or tag


def _target(outline: Outline, hosts: set[str]) -> Target | None:
    for url in (outline.xml_url, outline.html_url):
        if url and (found := target_of(url, hosts)) is not None:
            return found
    return None


def _valid_slug(slug: str) -> bool:
    try:
        clean_tag_slug(slug)
    except ActionError:
        return False
    return True


def import_opml(*, user: User, data: bytes, request_host: str) -> ImportResult:
    """Follow every blog and tag of this network that *data* lists; raises OpmlError."""
    hosts, result = our_hosts(request_host), ImportResult()
    pairs = [(outline, _target(outline, hosts)) for outline in read_opml(data)]
    names = {target.blog for _outline, target in pairs if target and target.blog}
    # One query for all blogs; one she may not read looks the same as one that is not there.
    readable = {b.name: b for b in Blog.objects.readable_by(user).filter(name__in=names)}
    blogs: dict[str, Blog] = {}
    slugs: set[str] = set()
    for outline, target in pairs:
        if target is None:
            result.outside.append(outline)
        elif target.blog in readable:
            blogs[target.blog] = readable[target.blog]
        elif target.tag and _valid_slug(target.tag):
            slugs.add(target.tag)
        else:
            result.unknown.append(outline)
    result.matched = len(blogs) + len(slugs)
    result.new_follows = import_follows(user=user, blogs=blogs.values(), tag_slugs=sorted(slugs))
    return result
