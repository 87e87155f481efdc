"""The import of one LiveJournal entry: one post, its tags, and what LJ knew of it.

Like the WXR importer (porting/wxr/writer.py), it writes posts only through blogs' import
actions (``import_posts`` for a new entry, ``reimport_post`` for a changed one): an old entry
arriving must not look like a new publication, so listeners hear ``posts_imported``, never
``post_published``.

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

from chaikhana.accounts.models import User
from chaikhana.blogs.actions.posts import ImportedPost, import_posts, reimport_post
from chaikhana.blogs.actions.terms import tags_from_names
from chaikhana.blogs.models import Blog, Membership, Post
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
    by: User  # the blog's owner, or whoever manages it, doing the import (access.importing_owner)
    author: Membership  # whose pen name the entries carry
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
    earlier = row.post if row is not None else None
    imported = _imported_post(ctx, entry, earlier)
    if earlier is None:
        (post,) = import_posts(blog=ctx.blog, by=ctx.by, posts=[imported])
    else:
        post = reimport_post(post=earlier, by=ctx.by, imported=imported)
    _remember(ctx, entry, post, digest)
    return "imported" if earlier is None else "changed"


def _imported_post(ctx: LjContext, entry: Entry, earlier: Post | None) -> ImportedPost:
    converted = markup.convert(
        entry.event, site=ctx.site, preformatted=entry.props.get("opt_preformatted") == "1"
    )
    ctx.report.cuts += converted.cuts
    ctx.report.embeds += converted.embeds
    when, _offset = dates.entry_time(entry.eventtime, entry.logtime)
    return ImportedPost(
        author=ctx.author,
        byline=ctx.author.pen_name,
        title=entry.subject or _untitled(converted.html, entry),
        # A changed entry keeps its address, even when its subject changed.
        slug=earlier.slug if earlier is not None else _slug(entry),
        body_source=converted.html,
        body_format=Post.Format.HTML,
        excerpt=converted.excerpt,
        language=language.guess(entry.subject + " " + entry.event[:3000], ctx.blog.language),
        # Friends-only and custom groups: members only (see the module docstring).
        status=SECURITY.get(entry.security, Post.Status.PRIVATE),
        published_at=when or timezone.now(),  # an undated entry: the day it arrived
        tag_ids={tag.pk for tag in tags_from_names(ctx.blog, entry.tags)},
    )


def _untitled(html: str, entry: Entry) -> str:
    """A subjectless entry is titled by its first words, as LJ's own lists show it."""
    words = Truncator(html_to_text(sanitize_html(html))).words(8, truncate="…")
    return words or _("Entry %(number)s") % {"number": entry.ditemid or entry.jitemid}


def _slug(entry: Entry) -> str:
    return slugify(entry.subject, max_length=90) or f"entry-{entry.ditemid or entry.jitemid}"


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
