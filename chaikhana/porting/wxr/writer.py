"""One WordPress item → one post (with its terms, comments and mentions), and what the
one-by-one path here and the bulk path (bulk.py) share: the ImportedPost an item becomes,
its status and slug, its ImportedItem fields.

Posts are written only by blogs' import actions: ``import_posts`` for an item never imported,
``reimport_post`` for one that changed since. They keep no revision (the export is the
history) and never send ``post_published`` — an old post arriving must not ping the pages
it linked to or be announced — only ``posts_imported`` after commit (page cache, search).
The importer writes each item inside its own savepoint, so a broken item leaves nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import unquote, urlsplit

from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.actions.posts import ImportedPost, import_posts, reimport_post
from chaikhana.blogs.models import Blog, Category, Membership, Post, Tag
from chaikhana.core.translit import slugify
from chaikhana.porting.models import ImportedItem
from chaikhana.porting.wxr import language
from chaikhana.porting.wxr.comments import import_comments
from chaikhana.porting.wxr.content import Attachments, convert
from chaikhana.porting.wxr.dates import to_aware
from chaikhana.porting.wxr.people import People, Writer
from chaikhana.porting.wxr.records import Author, Item
from chaikhana.porting.wxr.report import Report
from chaikhana.porting.wxr.terms import Terms

STATUSES = {
    "publish": Post.Status.PUBLISHED,
    "draft": Post.Status.DRAFT,
    "pending": Post.Status.PENDING,
    "private": Post.Status.PRIVATE,
    "future": Post.Status.SCHEDULED,
}


class SkipItem(Exception):
    """This item is not imported; the message (for people) says why."""


@dataclass
class Context:
    """Everything an item refers to, resolved once per import."""

    blog: Blog
    by: User  # the blog's owner, or whoever manages it, doing the import (access.importing_owner)
    owner: Membership  # the posts' author when an item names none
    people: People
    terms: Terms
    attachments: Attachments
    offset: timedelta | None
    base_url: str
    report: Report
    now: datetime = field(default_factory=timezone.now)


def fingerprint(item: Item) -> str:
    """Whether an item changed since the last run: a hash of everything we import from it."""
    raw = json.dumps(
        [item.title, item.content, item.excerpt, item.status, item.post_date, item.post_date_gmt,
         item.post_name, item.password, item.is_sticky, item.creator,
         [(t.domain, t.nicename, t.name) for t in item.terms],
         [(c.wp_id, c.approved, c.content) for c in item.comments]],
        ensure_ascii=False,
    )  # fmt: skip
    return hashlib.sha1(raw.encode(), usedforsecurity=False).hexdigest()


def import_item(*, ctx: Context, item: Item) -> str:
    """Create or update the post for *item*; returns "imported", "changed" or "unchanged".

    Raises SkipItem for an item that cannot become a post. Call inside a transaction.
    """
    if item.wp_id is None:
        raise SkipItem(_("The item has no WordPress id."))
    digest = fingerprint(item)
    row = (
        ImportedItem.objects.select_related("post")
        .filter(blog=ctx.blog, kind=ImportedItem.Kind.POST, key=str(item.wp_id))
        .first()
    )
    if row is not None and row.post is not None and row.data.get("hash") == digest:
        return "unchanged"
    imported = imported_post(ctx, item)
    earlier = row.post if row is not None else None
    if earlier is None:
        (post,) = import_posts(blog=ctx.blog, by=ctx.by, posts=[imported])
    else:
        post = reimport_post(post=earlier, by=ctx.by, imported=imported)
    _remember(ctx, item, post, digest)
    import_comments(ctx=ctx, item=item, post=post)
    return "imported" if earlier is None else "changed"


def imported_post(ctx: Context, item: Item) -> ImportedPost:
    """*item* as blogs' import actions take it; raises SkipItem for what is not imported."""
    if item.creator:
        writer = ctx.people.resolve(Author(author_id=None, login=item.creator))
        ctx.report.items_by_author[item.creator.lower()] += 1
    else:
        writer = Writer(member=ctx.owner, name=ctx.owner.pen_name)
    converted = convert(item.content, post_id=item.wp_id, attachments=ctx.attachments)
    ctx.report.unsupported_shortcodes.update(converted.unsupported)
    status, published_at = status_of(ctx, item)
    return ImportedPost(
        author=writer.member,
        byline=writer.name,
        kind=Post.Kind.PAGE if item.post_type == "page" else Post.Kind.POST,
        title=item.title or unquote(item.post_name) or f"#{item.wp_id}",
        slug=base_slug(item),  # WordPress numbers a taken post_name; import_posts does too
        body_source=converted.html,
        body_format=Post.Format.HTML,
        excerpt=item.excerpt.strip(),
        language=language.guess(item.title + " " + item.content[:3000], ctx.blog.language),
        status=status,
        published_at=published_at,
        category_ids=_term_ids(ctx, item, "category", Category),
        tag_ids=_term_ids(ctx, item, "post_tag", Tag),
    )


def _term_ids(ctx: Context, item: Item, domain: str, model: type[Category] | type[Tag]) -> set[int]:
    found = (ctx.terms.get(domain, t.nicename, t.name) for t in item.terms if t.domain == domain)
    return {term.pk for term in found if term is not None and isinstance(term, model)}


def status_of(ctx: Context, item: Item) -> tuple[str, datetime | None]:
    """Our status for WordPress's, and when; a password-protected post stays private."""
    when = to_aware(item.post_date, item.post_date_gmt, ctx.offset, item.pub_date)
    status = STATUSES.get(item.status)
    if status is None:
        raise SkipItem(_("Status “%(status)s” is not imported.") % {"status": item.status or "?"})
    if item.password and status in (Post.Status.PUBLISHED, Post.Status.SCHEDULED):
        # We have no per-post passwords: members-only is the closest that never leaks it.
        ctx.report.password_protected += 1
        return Post.Status.PRIVATE, when or ctx.now
    if status == Post.Status.SCHEDULED and (when is None or when <= ctx.now):
        # A schedule WordPress missed: publishing it now would announce an old post.
        return Post.Status.DRAFT, when
    if status in (Post.Status.PUBLISHED, Post.Status.PRIVATE) and when is None:
        ctx.report.notes.append(
            _("“%(title)s” had no date: it is dated the day of the import.") % {"title": item.title}
        )
        return status, ctx.now
    return status, when


def base_slug(item: Item) -> str:
    """WordPress's post_name, transliterated (else the title's, else post-N)."""
    base = slugify(unquote(item.post_name), max_length=90) or slugify(item.title, max_length=90)
    return base or f"post-{item.wp_id}"


def old_path(link: str, base_url: str) -> str:
    """The item's permalink relative to the blog's root: ``2009/10/22/slug/``."""
    path = urlsplit(link).path
    base = urlsplit(base_url).path.rstrip("/")
    if base and path.startswith(base + "/"):
        path = path[len(base) :]
    return unquote(path).strip("/")[:500]


def post_data(ctx: Context, item: Item, digest: str) -> dict[str, Any]:
    """The ImportedItem fields of a post's row besides blog, kind, key, wp_id and post."""
    formats = [
        t.nicename.removeprefix("post-format-") for t in item.terms if t.domain == "post_format"
    ]
    return {
        "wp_name": unquote(item.post_name)[:200],
        "old_path": old_path(item.link, ctx.base_url),
        "data": {
            "hash": digest,
            "post_type": item.post_type,
            "sticky": item.is_sticky,
            "password_protected": bool(item.password),
            "format": formats[0] if formats else "standard",
            "link": item.link,
            "guid": item.guid,
            "wp_status": item.status,
        },
    }


def _remember(ctx: Context, item: Item, post: Post, digest: str) -> None:
    ImportedItem.objects.update_or_create(
        blog=ctx.blog,
        kind=ImportedItem.Kind.POST,
        key=str(item.wp_id),
        defaults={"wp_id": item.wp_id, "post": post, **post_data(ctx, item, digest)},
    )
