"""Import a WXR file into a blog: scan it whole, then bring people, terms, attachments, items.

Two streaming passes over the file: the first (scan) checks every byte parses and gathers
what items refer to, so a bad file is refused before anything is written; the second writes.
Items are written in batches of BATCH. Items the blog has never imported are planned in memory
and bulk-inserted in one transaction (bulk.py); those imported before (a re-run) go through
import_item, each inside its own savepoint. When the bulk INSERTs fail, the batch is written
again item by item with savepoints: a broken item is rolled back alone and reported, the rest
goes on, and a crash loses at most one batch — re-running finds what is done (ImportedItem)
and skips it unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.actions.blogs import create_blog_for_migration
from chaikhana.blogs.models import Blog, Membership
from chaikhana.blogs.roles import Role
from chaikhana.core.db_stats import BULK_ROWS, refresh_statistics
from chaikhana.core.errors import ActionError
from chaikhana.porting.access import importing_owner
from chaikhana.porting.models import ImportedItem
from chaikhana.porting.wxr import bulk, language
from chaikhana.porting.wxr.media import bring_attachments
from chaikhana.porting.wxr.parser import WxrError, read_wxr
from chaikhana.porting.wxr.people import Matcher, People, match_only, pen_name_of
from chaikhana.porting.wxr.records import Author, Item
from chaikhana.porting.wxr.report import Report
from chaikhana.porting.wxr.scan import POST_TYPES, Scan, scan
from chaikhana.porting.wxr.terms import Terms
from chaikhana.porting.wxr.writer import Context, SkipItem, import_item

BATCH = 200
Progress = Callable[[int, int], None]
Source = str | Callable[[], IO[bytes]]


@dataclass(kw_only=True)
class Options:
    # Which existing accounts an author may be: None, the importing owner alone (match_only);
    # people.match_anyone only when the administrator asks (--merge-people).
    match: Matcher | None = None
    fetch_media: bool = True
    progress: Progress | None = None


def _open(source: Source) -> str | IO[bytes]:
    return source if isinstance(source, str) else source()


def import_wxr(*, source: Source, blog: Blog, owner: User, options: Options) -> Report:
    """Import the WXR at *source* (a path, or a function opening it) into *blog*."""
    found = scan(_open(source))
    return _import(source, found, blog, owner, options)


def import_wxr_new_blog(
    *, source: Source, blog_name: str, owner: User | None, options: Options
) -> Report:
    """Import into the blog *blog_name*, created (owned by *owner*) when absent.

    With no *owner*, a new blog is owned by the account the export's first author is merged
    with (``match_anyone``); an import never creates an account, so without one it is refused.
    """
    found = scan(_open(source))  # before anything is written
    blog = Blog.objects.filter(name=blog_name).first()
    merged_owner: Author | None = None
    if blog is None:
        if owner is None:
            merged_owner, owner = _first_author_user(found, options.match)
        blog = _create_blog(found, blog_name, owner, options.match or match_only(owner))
    elif owner is None:
        membership = Membership.objects.filter(blog=blog, role=Role.OWNER).first()
        if membership is None:
            raise ActionError(_("The blog has no owner; name one with --owner."))
        owner = membership.user
    report = _import(source, found, blog, owner, options)
    if merged_owner is not None:  # the first author, merged with an account to own the blog
        items = report.items_by_author[merged_owner.login.lower()]
        report.merged[merged_owner.login] = (owner.get_username(), items)
    return report


def _first_author_user(found: Scan, match: Matcher | None) -> tuple[Author, User]:
    """The account the first author is merged with (only when merging was asked for)."""
    author = found.authors[0] if found.authors else None
    user = match(author) if match is not None and author is not None else None
    if author is None or user is None:
        raise ActionError(_("Name the new blog's owner (--owner): an import creates no accounts."))
    return author, user


def _create_blog(found: Scan, name: str, owner: User, match: Matcher) -> Blog:
    lang = language.from_code(found.site.language) or language.guess(" ".join(found.sample), "ru")
    # Her name in the file if she is in it; never her username, never another author's name.
    hers = next((a for a in found.authors if a.login and match(a) == owner), None)
    pen_name = pen_name_of(hers) if hers else (owner.display_name or _("Author"))
    return create_blog_for_migration(  # only the command line creates blogs here
        owner=owner,
        name=name,
        title=(found.site.title or name)[:120],
        tagline=found.site.description[:200],
        pen_name=pen_name[:100],
        language=lang,
    )


def _import(source: Source, found: Scan, blog: Blog, owner: User, options: Options) -> Report:
    report = Report(blog=blog.name, total=found.posts)
    ctx = _context(found, blog, owner, options, report)
    bring_attachments(
        blog=blog, by=owner, attachments=found.attachments, report=report, fetch=options.fetch_media
    )
    done = 0
    batch: list[Item] = []
    for record in read_wxr(_open(source)):
        if not isinstance(record, Item):
            continue
        if record.post_type == "nav_menu_item":
            report.menu_items_ignored += 1
        elif record.post_type in POST_TYPES:
            batch.append(record)
        elif record.post_type != "attachment":
            report.skip(
                record.wp_id, record.title, f"post type “{record.post_type}” is not imported"
            )
        if len(batch) >= BATCH:
            done = _write_batch(ctx, batch, done, options.progress)
    _write_batch(ctx, batch, done, options.progress)
    report.merged = {
        login: (username, report.items_by_author[login.lower()])
        for login, username in ctx.people.merged.items()
    }
    report.bylines = sorted(
        {w.name for w in ctx.people.by_login.values() if w.member is None}, key=str.lower
    )
    report.categories, report.tags = ctx.terms.created["category"], ctx.terms.created["tag"]
    if report.menu_items_ignored:
        report.notes.append(_("Menus are not imported: build them again in the blog's settings."))
    if report.imported + report.comments >= BULK_ROWS:
        refresh_statistics()  # the planner's view of the tables is now far off (core/db_stats)
    return report


def _context(found: Scan, blog: Blog, owner: User, options: Options, report: Report) -> Context:
    by = importing_owner(blog, owner)
    owner_membership = Membership.objects.filter(blog=blog, user=owner).first()
    if owner_membership is None:
        raise ActionError(
            _("%(user)s is not a member of this blog.") % {"user": owner.get_username()}
        )
    people = People(blog=blog, owner=owner_membership, match=options.match or match_only(owner))
    for author in found.authors:
        if author.login:
            people.resolve(author)
    terms = Terms(blog=blog)
    terms.load_all(found.terms)
    return Context(
        blog=blog,
        by=by,
        owner=owner_membership,
        people=people,
        terms=terms,
        attachments=found.attachments,
        offset=found.offset.offset(),
        base_url=found.site.base_blog_url or found.site.link,
        report=report,
    )


def _write_batch(ctx: Context, batch: list[Item], done: int, progress: Progress | None) -> int:
    # Authors and terms an item names are created (and committed) before its savepoint.
    for item in batch:
        _prepare(ctx, item)
    new, again = _split(ctx, batch)
    try:
        bulk.write_new(ctx, new)
    except bulk.BatchFailed:
        again = batch  # nothing was written: every item on its own, in the file's order
    if again:
        with transaction.atomic():
            for item in again:
                _write_one(ctx, item)
    done += len(batch)
    batch.clear()
    if progress is not None:
        progress(done, ctx.report.total)
    return done


def _split(ctx: Context, batch: list[Item]) -> tuple[list[Item], list[Item]]:
    """Items never imported into this blog (bulk), and the others (one by one, afterwards)."""
    keys = [str(item.wp_id) for item in batch if item.wp_id is not None]
    known = set(
        ImportedItem.objects.filter(
            blog=ctx.blog, kind=ImportedItem.Kind.POST, key__in=keys
        ).values_list("key", flat=True)
    )
    new: list[Item] = []
    again: list[Item] = []
    for item in batch:
        key = str(item.wp_id) if item.wp_id is not None else None
        if key is not None and key in known:
            again.append(item)
        else:
            new.append(item)
            if key is not None:
                known.add(key)  # the same id twice in one file: the second updates the first
    return new, again


def _prepare(ctx: Context, item: Item) -> None:
    if item.creator:
        ctx.people.resolve(Author(author_id=None, login=item.creator))
    for term in item.terms:
        if term.domain in ("category", "post_tag"):
            ctx.terms.get(term.domain, term.nicename, term.name)


def _write_one(ctx: Context, item: Item) -> None:
    try:
        with transaction.atomic():
            outcome = import_item(ctx=ctx, item=item)
    except SkipItem as reason:
        ctx.report.skip(item.wp_id, item.title, str(reason))
        return
    except (DatabaseError, ValueError, ActionError) as error:
        ctx.report.skip(
            item.wp_id, item.title, _("could not be saved: %(error)s") % {"error": error}
        )
        return
    setattr(ctx.report, outcome, getattr(ctx.report, outcome) + 1)


__all__ = ["Options", "WxrError", "import_wxr", "import_wxr_new_blog"]
