"""The import action for one LiveJournal comment, threaded under its entry's post.

Each comment is remembered in ImportedItem (key ``lj:c<id>``), so a re-run adds only new ones
and leaves moderation done since alone. States: A (active) and F (frozen: replies closed) →
approved; S (screened: hidden until the journal's owner unscreens it) → waiting for approval;
D (deleted) → trash, with a placeholder when its text is gone. A reply to a comment missing
from the files becomes a top-level comment (counted in the report). Posters are named by
their username from the usermap with a link to their journal; they get no account here.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from chaikhana.comments.models import Comment
from chaikhana.porting.livejournal import dates, markup
from chaikhana.porting.livejournal.entries import KEY_PREFIX, LjContext, entry_key
from chaikhana.porting.livejournal.records import LjComment
from chaikhana.porting.models import ImportedItem
from chaikhana.porting.wxr.content import comment_source

STATES = {
    "A": Comment.Status.APPROVED,
    "F": Comment.Status.APPROVED,
    "S": Comment.Status.PENDING,
    "D": Comment.Status.TRASH,
}


class SkipComment(Exception):
    """This comment is not imported; the message (for people) says why."""


def comment_key(comment_id: int) -> str:
    return f"{KEY_PREFIX}c{comment_id}"


def known_comment(ctx: LjContext, comment_id: int) -> Comment | None:
    row = ImportedItem.objects.filter(
        blog=ctx.blog, kind=ImportedItem.Kind.COMMENT, key=comment_key(comment_id)
    ).first()
    if row is None or row.object_id is None:
        return None
    return Comment.objects.filter(pk=row.object_id, blog=ctx.blog).first()


@transaction.atomic
def import_comment(
    *, ctx: LjContext, comment: LjComment, usermap: dict[int, str], parent: Comment | None
) -> Comment:
    """Write *comment* under its entry's post (and *parent*, already imported, if any)."""
    if comment.jitemid is None:
        raise SkipComment(_("The comment names no entry."))
    row = ImportedItem.objects.filter(
        blog=ctx.blog, kind=ImportedItem.Kind.POST, key=entry_key(comment.jitemid)
    ).first()
    if row is None or row.post_id is None:
        raise SkipComment(
            _("Its entry (%(jitemid)s) is not in this blog.") % {"jitemid": comment.jitemid}
        )
    poster = usermap.get(comment.posterid or 0, "")
    created = Comment.objects.create(
        blog=ctx.blog,
        post_id=row.post_id,
        parent=parent,
        depth=parent.depth + 1 if parent is not None else 0,
        name=(poster or _("Anonymous"))[:100],
        website=markup.journal_url(poster, ctx.site) if poster else "",
        body_source=_source(ctx, comment),
        status=STATES.get(comment.state, Comment.Status.PENDING),
    )
    if (when := dates.comment_time(comment.date)) is not None:
        Comment.objects.filter(pk=created.pk).update(created_at=when)  # auto_now_add otherwise
    ImportedItem.objects.create(
        blog=ctx.blog,
        kind=ImportedItem.Kind.COMMENT,
        key=comment_key(comment.id),
        post_id=row.post_id,
        object_id=created.pk,
        data={
            "subject": comment.subject,
            "state": comment.state,
            "posterid": comment.posterid,
            "poster": poster,
            "parentid": comment.parentid,
            "orphan": bool(comment.parentid and parent is None),
        },
    )
    return created


def _source(ctx: LjContext, comment: LjComment) -> str:
    """The comment's text as comments' Markdown-lite; a subject alone stands for an empty body."""
    text = comment_source(markup.user_links(comment.body, ctx.site))
    if text:
        return text
    if comment.state == "D":
        return _("(This comment was deleted on LiveJournal.)")
    return comment.subject or "—"
