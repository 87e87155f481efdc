"""The import action: one WordPress item → one Post (with its terms, comments and mentions).

It writes through the blogs models with the same rendering as the editor (Post.save() runs
the nh3 pipeline) but is not ``save_post``: an old post arriving must not look like a new
publication, so only ``post_changed`` is sent (page cache, search index), never
``post_published`` (pingbacks, webmentions, federation, notifications). No revision is kept:
the export itself is the history. Each item is written inside its own (nested) transaction
by the importer, so a broken item leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import unquote, urlsplit

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.blogs import signals
from chaikhana.blogs.actions.posts import RESERVED_SLUGS
from chaikhana.blogs.models import Blog, Category, Membership, Post, Tag
from chaikhana.core.translit import slugify
from chaikhana.porting.models import ImportedItem
from chaikhana.porting.wxr import language
from chaikhana.porting.wxr.comments import import_comments
from chaikhana.porting.wxr.content import Attachments, convert
from chaikhana.porting.wxr.dates import to_aware
from chaikhana.porting.wxr.people import People
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
    owner: Membership
    people: People
    terms: Terms
    attachments: Attachments
    offset: timedelta | None
    base_url: str
    report: Report
    now: datetime = field(default_factory=timezone.now)
    # The blog's post slugs → post ids, loaded once per import (bulk.py plans slugs with it);
    # kept current after each commit.
    slugs: dict[str, int] = field(default_factory=dict)
    # (old slug, new slug, post id) written by import_item, applied to slugs once committed.
    slug_changes: list[tuple[str, str, int]] = field(default_factory=list)

    def apply_slug_changes(self) -> None:
        for old, new, post_id in self.slug_changes:
            if old and self.slugs.get(old) == post_id:
                del self.slugs[old]
            self.slugs[new] = post_id
        self.slug_changes.clear()


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
    author = (
        ctx.people.resolve(Author(author_id=None, login=item.creator))
        if item.creator
        else ctx.owner
    )
    post = row.post if row is not None and row.post is not None else None
    is_new = post is None
    post = _write_post(ctx, item, post, author)
    _remember(ctx, item, post, digest)
    import_comments(ctx=ctx, item=item, post=post)
    post_id = post.pk
    transaction.on_commit(lambda: signals.post_changed.send(Post, post_id=post_id))
    return "imported" if is_new else "changed"


def _write_post(ctx: Context, item: Item, post: Post | None, author: Membership) -> Post:
    kind = Post.Kind.PAGE if item.post_type == "page" else Post.Kind.POST
    if post is None:
        post = Post(blog=ctx.blog, kind=kind)
    else:
        post.version += 1  # as an edit would: editors open the new text
    converted = convert(item.content, post_id=item.wp_id, attachments=ctx.attachments)
    ctx.report.unsupported_shortcodes.update(converted.unsupported)
    status, published_at = status_of(ctx, item)
    old_slug = post.slug
    post.title = (item.title or unquote(item.post_name) or f"#{item.wp_id}")[:200]
    post.slug = _unique_slug(ctx.blog, post, item)
    post.slug_from_title = False
    post.author, post.byline = author, author.pen_name
    post.body_source, post.body_format = converted.html, Post.Format.HTML
    post.excerpt = item.excerpt.strip()[:1000]
    post.language = language.guess(item.title + " " + item.content[:3000], ctx.blog.language)
    post.status, post.published_at = status, published_at
    post.save()
    _set_terms(ctx, item, post)
    ctx.slug_changes.append((old_slug, post.slug, post.pk))
    return post


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


def _unique_slug(blog: Blog, post: Post, item: Item) -> str:
    """WordPress's post_name, transliterated; a taken one gets a number (WordPress does too)."""
    base = base_slug(item)
    if post.pk and post.slug and (post.slug == base or post.slug.startswith(base + "-")):
        return post.slug  # a re-run keeps the address it gave
    others = Post.objects.for_blog(blog).exclude(pk=post.pk)
    slug, n = base, 2
    while slug in RESERVED_SLUGS or others.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _set_terms(ctx: Context, item: Item, post: Post) -> None:
    categories: list[Category] = []
    tags: list[Tag] = []
    for term in item.terms:
        if term.domain == "category":
            found = ctx.terms.get("category", term.nicename, term.name)
            if isinstance(found, Category):
                categories.append(found)
        elif term.domain == "post_tag":
            found = ctx.terms.get("post_tag", term.nicename, term.name)
            if isinstance(found, Tag):
                tags.append(found)
    # Through rows in bulk, not .set(): an import adds thousands of posts, and m2m_changed
    # receivers (page cache) would run per post; post_changed after commit covers them.
    _replace_links(Post.categories.through, post, "category_id", {c.pk for c in categories})
    _replace_links(Post.tags.through, post, "tag_id", {t.pk for t in tags})


def _replace_links(through: Any, post: Post, column: str, wanted: set[int]) -> None:
    rows = through.objects.filter(post_id=post.pk)
    have = set(rows.values_list(column, flat=True)) if post.version > 1 else set()
    if have - wanted:
        rows.filter(**{f"{column}__in": have - wanted}).delete()
    through.objects.bulk_create([through(post_id=post.pk, **{column: pk}) for pk in wanted - have])


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
