"""The import action for one LiveJournal entry: one Post, its tags, and what LJ knew of it.

Like the WXR importer (porting/wxr/writer.py), it writes through the blogs models (Post.save()
runs the nh3 pipeline) but is not ``save_post``: an old entry arriving must not look like a
new publication, so only ``post_changed`` is sent on commit, never ``post_published``.

Security mapping (LiveJournal → us):
  public → published; private → private;
  friends / usemask / custom (friend groups) → private, which here means "members only":
  the blog's owner and editors and the author read it. We have no friend lists, so a
  friends-only entry is never made more public than it was; the LJ security and allowmask are
  kept in ImportedItem.data for a later, finer mapping.
Mood, music, location and the other entry properties are kept in ImportedItem.data too.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from chaikhana.blogs import signals
from chaikhana.blogs.actions.posts import RESERVED_SLUGS
from chaikhana.blogs.models import Blog, Membership, Post, Tag
from chaikhana.core.markup import html_to_text, sanitize_html
from chaikhana.core.translit import slugify
from chaikhana.porting.livejournal import dates, markup
from chaikhana.porting.livejournal.records import Entry
from chaikhana.porting.livejournal.report import LjReport
from chaikhana.porting.models import ImportedItem
from chaikhana.porting.wxr import language

SECURITY = {"public": Post.Status.PUBLISHED, "private": Post.Status.PRIVATE}
KEY_PREFIX = "lj:"  # ImportedItem keys: never collide with a WordPress id on the same blog


@dataclass
class LjContext:
    blog: Blog
    author: Membership
    site: str  # "livejournal.com" or "dreamwidth.org": where <lj user> links lead
    report: LjReport


def entry_key(jitemid: int) -> str:
    return f"{KEY_PREFIX}{jitemid}"


def fingerprint(entry: Entry) -> str:
    raw = json.dumps(
        [
            entry.subject,
            entry.event,
            entry.security,
            entry.allowmask,
            entry.eventtime,
            entry.logtime,
            entry.tags,
            entry.props,
        ],
        ensure_ascii=False,
    )
    return hashlib.sha1(raw.encode(), usedforsecurity=False).hexdigest()


@transaction.atomic
def import_entry(*, ctx: LjContext, entry: Entry) -> str:
    """Create or update the post for *entry*: "imported", "changed" or "unchanged"."""
    digest = fingerprint(entry)
    row = (
        ImportedItem.objects.select_related("post")
        .filter(blog=ctx.blog, kind=ImportedItem.Kind.POST, key=entry_key(entry.jitemid))
        .first()
    )
    ctx.report.security[entry.security] += 1
    if row is not None and row.post is not None and row.data.get("hash") == digest:
        return "unchanged"
    is_new = row is None or row.post is None
    post = _write_post(ctx, entry, None if row is None else row.post)
    _remember(ctx, entry, post, digest)
    post_id = post.pk
    transaction.on_commit(lambda: signals.post_changed.send(Post, post_id=post_id))
    return "imported" if is_new else "changed"


def _write_post(ctx: LjContext, entry: Entry, post: Post | None) -> Post:
    post = post or Post(blog=ctx.blog, kind=Post.Kind.POST)
    converted = markup.convert(
        entry.event, site=ctx.site, preformatted=entry.props.get("opt_preformatted") == "1"
    )
    ctx.report.cuts += converted.cuts
    ctx.report.embeds += converted.embeds
    when, _offset = dates.entry_time(entry.eventtime, entry.logtime)
    post.title = (entry.subject or _untitled(converted.html, entry))[:200]
    post.slug = post.slug or _unique_slug(ctx.blog, entry)
    post.slug_from_title = False
    post.author, post.byline = ctx.author, ctx.author.pen_name
    post.body_source, post.body_format = converted.html, Post.Format.HTML
    post.excerpt = converted.excerpt
    post.language = language.guess(entry.subject + " " + entry.event[:3000], ctx.blog.language)
    # Friends-only and custom groups: members only (see the module docstring).
    post.status = SECURITY.get(entry.security, Post.Status.PRIVATE)
    post.published_at = when or timezone.now()  # an undated entry: the day it arrived
    post.save()
    post.tags.set([_tag(ctx.blog, name) for name in entry.tags])
    return post


def _untitled(html: str, entry: Entry) -> str:
    """A subjectless entry is titled by its first words, as LJ's own lists show it."""
    words = Truncator(html_to_text(sanitize_html(html))).words(8, truncate="…")
    return words or _("Entry %(number)s") % {"number": entry.ditemid or entry.jitemid}


def _unique_slug(blog: Blog, entry: Entry) -> str:
    base = slugify(entry.subject, max_length=90) or f"entry-{entry.ditemid or entry.jitemid}"
    taken = Post.objects.for_blog(blog)
    slug, n = base, 2
    while slug in RESERVED_SLUGS or taken.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _tag(blog: Blog, name: str) -> Tag:
    slug = slugify(name, max_length=90) or "tag"
    tag, _created = Tag.objects.get_or_create(blog=blog, slug=slug, defaults={"name": name[:100]})
    return tag


def _remember(ctx: LjContext, entry: Entry, post: Post, digest: str) -> None:
    number = entry.ditemid or entry.jitemid
    _when, offset = dates.entry_time(entry.eventtime, entry.logtime)
    ImportedItem.objects.update_or_create(
        blog=ctx.blog,
        kind=ImportedItem.Kind.POST,
        key=entry_key(entry.jitemid),
        defaults={
            "wp_id": None,
            "wp_name": "",
            "old_path": f"{number}.html",  # https://user.livejournal.com/<ditemid>.html
            "post": post,
            "data": {
                "hash": digest,
                "source": ctx.site,
                "jitemid": entry.jitemid,
                "ditemid": entry.ditemid,
                "security": entry.security,
                "allowmask": entry.allowmask,
                "eventtime": entry.eventtime,
                "logtime": entry.logtime,
                "utc_offset_minutes": None if offset is None else int(offset.total_seconds() // 60),
                "props": entry.props,  # current_mood, current_music, current_location, …
            },
        },
    )
