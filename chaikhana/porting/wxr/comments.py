"""An item's WordPress comments → threaded Comment rows; pingbacks and trackbacks → Mentions.

Each comment is remembered in ImportedItem by its WordPress id, so a re-run adds the comments
that are new and leaves the ones already here (and any moderation since) alone. A reply whose
parent is missing from the export is attached to the post at the top level. Trackbacks have
no kind of their own in linkbacks: they become pingback mentions, marked in ImportedItem.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from chaikhana.blogs.models import Post
from chaikhana.comments.models import Comment
from chaikhana.linkbacks.models import Mention
from chaikhana.porting.models import ImportedItem
from chaikhana.porting.wxr import records
from chaikhana.porting.wxr.content import comment_source
from chaikhana.porting.wxr.dates import to_aware

if TYPE_CHECKING:
    from chaikhana.porting.wxr.writer import Context

COMMENT_STATUS = {
    "1": Comment.Status.APPROVED,
    "0": Comment.Status.PENDING,
    "spam": Comment.Status.SPAM,
    "trash": Comment.Status.TRASH,
    "post-trashed": Comment.Status.TRASH,
}
MENTION_STATUS = {"1": Mention.Status.VERIFIED, "0": Mention.Status.PENDING}
LINKBACK_TYPES = {"pingback", "trackback"}


def import_comments(*, ctx: Context, item: records.Item, post: Post) -> None:
    if not item.comments:
        return
    known = dict(
        ImportedItem.objects.filter(
            blog=ctx.blog, kind=ImportedItem.Kind.COMMENT, post=post
        ).values_list("key", "object_id")
    )
    ours: dict[int, Comment] = {
        c.pk: c for c in Comment.objects.filter(post=post, pk__in=[v for v in known.values() if v])
    }
    by_wp_id: dict[int, Comment] = {int(key): ours[pk] for key, pk in known.items() if pk in ours}
    for wp in sorted(item.comments, key=lambda c: c.wp_id):
        if wp.type in LINKBACK_TYPES:
            _linkback(ctx, post, wp)
        elif wp.wp_id not in by_wp_id:
            by_wp_id[wp.wp_id] = _comment(ctx, post, wp, by_wp_id)


def new_comment(ctx: Context, post: Post, wp: records.Comment, parent: Comment | None) -> Comment:
    """WordPress comment *wp* as an unsaved Comment (shared by the bulk and one-by-one paths)."""
    author = ctx.people.by_wp_id.get(wp.user_id) if wp.user_id else None
    return Comment(
        blog=ctx.blog,
        post=post,
        parent=parent,
        depth=parent.depth + 1 if parent is not None else 0,
        author=author.member.user if author is not None and author.member is not None else None,
        name=(author.name if author is not None else wp.author or "—")[:100],
        email=wp.email[:254] if "@" in wp.email else "",
        website=wp.url[:300] if wp.url.startswith(("http://", "https://")) else "",
        body_source=comment_source(wp.content) or "—",
        status=COMMENT_STATUS.get(wp.approved, Comment.Status.PENDING),
    )


def _comment(
    ctx: Context, post: Post, wp: records.Comment, threaded: dict[int, Comment]
) -> Comment:
    parent = threaded.get(wp.parent) if wp.parent else None
    comment = new_comment(ctx, post, wp, parent)
    comment.save()
    when = to_aware(wp.date, wp.date_gmt, ctx.offset)
    if when is not None:  # created_at is auto_now_add: set the real date afterwards
        Comment.objects.filter(pk=comment.pk).update(created_at=when)
    ImportedItem.objects.create(
        blog=ctx.blog,
        kind=ImportedItem.Kind.COMMENT,
        key=str(wp.wp_id),
        wp_id=wp.wp_id,
        post=post,
        object_id=comment.pk,
        data={"orphan": bool(wp.parent and parent is None)},
    )
    ctx.report.comments += 1
    return comment


def _linkback(ctx: Context, post: Post, wp: records.Comment) -> None:
    if not wp.url.startswith(("http://", "https://")) or len(wp.url) > 2000:
        ctx.report.skip(wp.wp_id, wp.author, f"{wp.type}: no usable source address")
        return
    mention, created = Mention.objects.get_or_create(
        post=post,
        source=wp.url,
        defaults={
            "kind": Mention.Kind.PINGBACK,
            "status": MENTION_STATUS.get(wp.approved, Mention.Status.REJECTED),
            "author_name": wp.author[:200],
            "excerpt": comment_source(wp.content)[:2000],
        },
    )
    if not created:
        return
    when = to_aware(wp.date, wp.date_gmt, ctx.offset)
    if when is not None:
        Mention.objects.filter(pk=mention.pk).update(created_at=when)
    ImportedItem.objects.update_or_create(
        blog=ctx.blog,
        kind=ImportedItem.Kind.LINKBACK,
        key=str(wp.wp_id),
        defaults={
            "wp_id": wp.wp_id,
            "post": post,
            "object_id": mention.pk,
            "data": {"type": wp.type},
        },
    )
    ctx.report.linkbacks += 1
