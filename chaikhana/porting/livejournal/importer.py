"""A whole LiveJournal import: every entry, then every comment, each in its own transaction.

Files are read completely before anything is written, so an unreadable file imports nothing.
A broken entry or comment is rolled back alone and named in the report; the rest goes on.
Comments are written parents first, whatever their order in the files, so threads hold.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import DatabaseError
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.actions import create_blog
from chaikhana.blogs.models import Blog, Membership
from chaikhana.blogs.roles import Role
from chaikhana.comments.models import Comment
from chaikhana.core.db_stats import BULK_ROWS, refresh_statistics
from chaikhana.core.errors import ActionError
from chaikhana.porting.access import importing_owner
from chaikhana.porting.livejournal.comments import SkipComment, import_comment, known_comment
from chaikhana.porting.livejournal.entries import LjContext, import_entry
from chaikhana.porting.livejournal.parser import Source, read_comments, read_entries
from chaikhana.porting.livejournal.records import CommentFile, Entry, LjComment
from chaikhana.porting.livejournal.report import LjReport
from chaikhana.porting.wxr import language

Progress = Callable[[int, int], None]
SITES = {"livejournal": "livejournal.com", "dreamwidth": "dreamwidth.org"}


def import_lj(
    *,
    entries: Source,
    comments: list[Source],
    blog: Blog,
    owner: User,
    site: str = "livejournal.com",
    progress: Progress | None = None,
) -> LjReport:
    """Import an entries file and its comment files into *blog*, written as *owner*.

    Raises LjError, before writing anything, when any file cannot be read.
    """
    found_entries = read_entries(entries)
    found_comments = read_comments(comments)
    membership = Membership.objects.filter(blog=blog, user=owner).first()
    if membership is None:
        raise ActionError(
            _("%(user)s is not a member of this blog.") % {"user": owner.get_username()}
        )
    ctx = LjContext(
        blog=blog,
        by=importing_owner(blog, owner),
        author=membership,
        site=site,
        report=LjReport(blog=blog.name),
    )
    run_import(ctx=ctx, entries=found_entries, found=found_comments, progress=progress)
    if ctx.report.imported + ctx.report.comments >= BULK_ROWS:
        refresh_statistics()  # core/db_stats: fresh planner statistics after a bulk load
    return ctx.report


def import_lj_new_blog(
    *,
    entries: str,
    comments: list[str],
    blog_name: str,
    owner: User | None,
    site: str = "livejournal.com",
    progress: Progress | None = None,
) -> LjReport:
    """Import into the blog *blog_name*, created (owned by *owner*) when absent."""
    sample = read_entries(entries)[:20]  # and read_comments: refuse a bad file before creating
    read_comments(list(comments))
    blog = Blog.objects.filter(name=blog_name).first()
    if blog is None:
        if owner is None:
            raise ActionError(_("The blog does not exist yet; name its owner with --owner."))
        blog = create_blog(
            owner=owner,
            name=blog_name,
            title=blog_name,
            pen_name=owner.display_name or owner.get_username(),
            language=language.guess(
                " ".join(e.subject + " " + e.event[:500] for e in sample), "ru"
            ),
        )
    elif owner is None:
        membership = (
            Membership.objects.filter(blog=blog, role=Role.OWNER).select_related("user").first()
        )
        if membership is None:
            raise ActionError(_("The blog has no owner; name one with --owner."))
        owner = membership.user
    return import_lj(
        entries=entries,
        comments=list(comments),
        blog=blog,
        owner=owner,
        site=site,
        progress=progress,
    )


def run_import(
    *, ctx: LjContext, entries: list[Entry], found: CommentFile, progress: Progress | None = None
) -> None:
    """Import *entries* and the comments in *found* into ctx.blog; fills ctx.report."""
    total = len(entries) + len(found.comments)
    ctx.report.entries = len(entries)
    for done, entry in enumerate(entries, 1):
        try:
            outcome = import_entry(ctx=ctx, entry=entry)
        except (DatabaseError, ValueError) as error:
            ctx.report.skip(f"entry {entry.jitemid}", str(error)[:300])
        else:
            setattr(ctx.report, outcome, getattr(ctx.report, outcome) + 1)
        if progress is not None:
            progress(done, total)
    threads = _Threads(ctx, found)
    for done, comment_id in enumerate(sorted(found.comments), len(entries) + 1):
        threads.resolve(comment_id)
        if progress is not None:
            progress(done, total)


class _Threads:
    """Writes each comment once, after its parent; remembers what each id became."""

    def __init__(self, ctx: LjContext, found: CommentFile) -> None:
        self.ctx, self.found = ctx, found
        self.done: dict[int, Comment | None] = {}

    def resolve(self, comment_id: int, depth: int = 0) -> Comment | None:
        if comment_id in self.done:
            return self.done[comment_id]
        self.done[comment_id] = None  # a cycle in bad data ends here
        comment = self.found.comments[comment_id]
        self.done[comment_id] = self._write(comment, depth)
        return self.done[comment_id]

    def _write(self, comment: LjComment, depth: int) -> Comment | None:
        report = self.ctx.report
        if (existing := known_comment(self.ctx, comment.id)) is not None:
            report.comments_known += 1
            return existing
        parent = None
        if comment.parentid and comment.parentid in self.found.comments and depth < 500:
            parent = self.resolve(comment.parentid, depth + 1)
        elif comment.parentid:
            parent = known_comment(self.ctx, comment.parentid)  # from an earlier run
        try:
            written = import_comment(
                ctx=self.ctx, comment=comment, usermap=self.found.usermap, parent=parent
            )
        except SkipComment as error:
            report.skip(f"comment {comment.id}", str(error))
            return None
        except (DatabaseError, ValueError) as error:
            report.skip(
                f"comment {comment.id}", _("Not imported: %(error)s") % {"error": str(error)[:300]}
            )
            return None
        report.comments += 1
        if comment.parentid and parent is None:
            report.comments_orphaned += 1
        return written
