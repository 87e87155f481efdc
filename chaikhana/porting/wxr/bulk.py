"""New items written a batch at a time: planned in Python, then a few bulk INSERTs.

The one-by-one path (writer.import_item) costs some thirty queries a post. Items this blog
has never imported (no ImportedItem row: a first run, or the new part of a later one) are
planned in memory as ImportedPosts and handed to blogs' ``import_posts`` in one call, which
numbers their slugs, renders them, bulk-inserts them with their term links and, after
commit, sends ``posts_imported`` once for the batch (page cache, search index; never
``post_published``, so old posts ping nothing). What is porting's own follows in the same
transaction: comments threaded by WordPress id (a parent must come earlier in id order, else
the reply is top level) in one ``bulk_create`` per depth, mentions, and the ImportedItem rows.
``created_at`` of comments and mentions is auto_now_add: the real dates follow in one UPDATE.

Validation happens while planning (a skipped item writes nothing), so the INSERTs only fail on
something the planner cannot see (a row written meanwhile by someone else, a database limit).
Then the whole batch is rolled back (its announcement with it), the report restored, and the
importer writes the batch again item by item, each in its own savepoint, so one broken item
is still skipped alone.
"""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

from django.db import DatabaseError, connections, router, transaction
from django.utils.translation import gettext as _

from chaikhana.blogs.actions.posts import ImportedPost, import_posts
from chaikhana.blogs.models import Post
from chaikhana.comments.models import Comment
from chaikhana.core.errors import ActionError
from chaikhana.linkbacks.models import Mention
from chaikhana.porting.models import ImportedItem
from chaikhana.porting.wxr.comments import LINKBACK_TYPES, MENTION_STATUS, new_comment
from chaikhana.porting.wxr.content import comment_source
from chaikhana.porting.wxr.dates import to_aware
from chaikhana.porting.wxr.records import Item
from chaikhana.porting.wxr.writer import (
    Context,
    SkipItem,
    fingerprint,
    imported_post,
    post_data,
)

INSERT_BATCH = 500
Dated = list[tuple[Any, ImportedItem, datetime | None]]  # a comment or mention, its row, date


class BatchFailed(Exception):
    """The bulk write failed; the batch was rolled back and must be written item by item."""


def write_new(ctx: Context, items: list[Item]) -> list[int]:
    """Write *items* (none imported before) in bulk; returns the ids of the posts written.

    Skipped items are reported. Raises BatchFailed (the report restored, nothing written)
    when the database refuses the batch.
    """
    saved_report = copy.deepcopy(ctx.report)
    planned: list[tuple[Item, ImportedPost, ImportedItem]] = []
    for item in items:
        try:
            if item.wp_id is None:
                raise SkipItem(_("The item has no WordPress id."))
            planned.append((item, imported_post(ctx, item), _post_row(ctx, item)))
        except SkipItem as reason:
            ctx.report.skip(item.wp_id, item.title, str(reason))
        except ValueError as error:
            ctx.report.skip(
                item.wp_id, item.title, _("could not be saved: %(error)s") % {"error": error}
            )
    if not planned:
        return []
    try:
        with transaction.atomic():
            posts = import_posts(blog=ctx.blog, by=ctx.by, posts=[p for _i, p, _r in planned])
            for (_item, _imported, row), post in zip(planned, posts, strict=True):
                row.post = post
            _insert_extras(ctx, planned)
    except (DatabaseError, ValueError, ActionError) as error:  # the one-by-one path reports it
        ctx.report.__dict__.update(saved_report.__dict__)
        raise BatchFailed from error
    ctx.report.imported += len(posts)
    return [post.pk for post in posts]


def _insert_extras(ctx: Context, written: list[tuple[Item, ImportedPost, ImportedItem]]) -> None:
    """Comments, mentions and ImportedItem rows of the posts just inserted (row.post set)."""
    rows: list[ImportedItem] = []
    comments: Dated = []
    mentions: Dated = []
    for item, _imported, row in written:
        assert row.post is not None
        rows.append(row)
        _plan_comments(ctx, item, row.post, comments, mentions)
    by_depth: dict[int, list[Comment]] = {}
    for comment, _row, _when in comments:
        by_depth.setdefault(comment.depth, []).append(comment)
    for depth in sorted(by_depth):  # parents first: each level knows the ids above it
        Comment.objects.bulk_create(by_depth[depth], batch_size=INSERT_BATCH)
    Mention.objects.bulk_create([m for m, _row, _when in mentions], batch_size=INSERT_BATCH)
    for model, dated in ((Comment, comments), (Mention, mentions)):
        _set_dates(model, [(obj, when) for obj, _row, when in dated])
        for obj, row, _when in dated:
            row.object_id = obj.pk
            rows.append(row)
    ImportedItem.objects.bulk_create(rows, batch_size=INSERT_BATCH)


def _post_row(ctx: Context, item: Item) -> ImportedItem:
    """The item's ImportedItem row; its post is set once import_posts has saved it."""
    return ImportedItem(
        blog=ctx.blog,
        kind=ImportedItem.Kind.POST,
        key=str(item.wp_id),
        wp_id=item.wp_id,
        **post_data(ctx, item, fingerprint(item)),
    )


def _plan_comments(ctx: Context, item: Item, post: Post, comments: Dated, mentions: Dated) -> None:
    """As comments.import_comments does for a post with none yet, without writing."""
    threaded: dict[int, Comment] = {}
    sources: set[str] = set()
    for wp in sorted(item.comments, key=lambda c: c.wp_id):
        if wp.type in LINKBACK_TYPES:
            if not wp.url.startswith(("http://", "https://")) or len(wp.url) > 2000:
                ctx.report.skip(wp.wp_id, wp.author, f"{wp.type}: no usable source address")
                continue
            if wp.url in sources:
                continue  # get_or_create on (post, source) found the first one
            sources.add(wp.url)
            mention = Mention(
                post=post,
                source=wp.url,
                kind=Mention.Kind.PINGBACK,
                status=MENTION_STATUS.get(wp.approved, Mention.Status.REJECTED),
                author_name=wp.author[:200],
                excerpt=comment_source(wp.content)[:2000],
            )
            row = ImportedItem(
                blog=ctx.blog,
                kind=ImportedItem.Kind.LINKBACK,
                key=str(wp.wp_id),
                wp_id=wp.wp_id,
                post=post,
                data={"type": wp.type},
            )
            mentions.append((mention, row, to_aware(wp.date, wp.date_gmt, ctx.offset)))
            ctx.report.linkbacks += 1
            continue
        if wp.wp_id in threaded:
            continue
        parent = threaded.get(wp.parent) if wp.parent else None
        comment = new_comment(ctx, post, wp, parent)
        comment.render()
        row = ImportedItem(
            blog=ctx.blog,
            kind=ImportedItem.Kind.COMMENT,
            key=str(wp.wp_id),
            wp_id=wp.wp_id,
            post=post,
            data={"orphan": bool(wp.parent and parent is None)},
        )
        comments.append((comment, row, to_aware(wp.date, wp.date_gmt, ctx.offset)))
        threaded[wp.wp_id] = comment
        ctx.report.comments += 1


def _set_dates(
    model: type[Comment] | type[Mention], dated: list[tuple[Any, datetime | None]]
) -> None:
    """created_at is auto_now_add: the export's dates are written after the INSERT, in one
    executemany (bulk_update's CASE over hundreds of ids costs more than the INSERT)."""
    connection = connections[router.db_for_write(model)]
    adapt = connection.ops.adapt_datetimefield_value
    rows = [(adapt(when), obj.pk) for obj, when in dated if when is not None]
    if not rows:
        return
    qn = connection.ops.quote_name  # identifiers from the model, values as parameters
    table, column = qn(model._meta.db_table), qn("created_at")
    sql = f"UPDATE {table} SET {column} = %s WHERE {qn('id')} = %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
