"""New items written a batch at a time: everything decided in Python, then a few bulk INSERTs.

The per-item path (writer.import_item) costs some thirty queries a post. For items this blog
has never imported (no ImportedItem row: a first run, or the new part of a later one) the same
rows are planned in memory — the Post rendered with ``Post.render()`` exactly as ``save()``
would, its slug checked against the blog's slugs loaded once (``Slugs``), its comments
threaded by WordPress id (a parent must come earlier in id order, as before, else the reply
is top level) — and written with one ``bulk_create`` per table (comments once per depth, so
each level knows its parents' ids). ``created_at`` of comments and mentions is auto_now_add:
the real dates follow in one ``bulk_update``.

Validation happens while planning (a skipped item writes nothing), so the INSERTs only fail on
something the planner cannot see (a row written meanwhile by someone else, a database limit).
Then the whole batch is rolled back, the report and slug cache restored, and the importer
writes the batch again item by item, each in its own savepoint (the old path), so one broken
item is still skipped alone.

Notification: no signal is sent for a bulk batch (never ``post_published``, so no pingbacks,
webmentions, federation or notifications for old posts, as before). Instead of one
``post_changed`` per post — whose receivers cost a task row and two queries each — the batch
gets one batched notification after commit (``notify``), through the receivers' public
functions: the page cache is invalidated for each post, the blog's lists and (listed blog)
the network once; search indexes the batch in one ``index_posts_task``. The linkbacks
receiver of ``post_changed`` (outgoing pingbacks for the post's links) is deliberately not
called: an imported old post must not ping the pages it linked to years ago. Items imported
before (a re-run that changed them) still go through writer.import_item and post_changed.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import unquote

from django.db import DatabaseError, connections, router, transaction
from django.utils.translation import gettext as _

from chaikhana.blogs.actions.posts import RESERVED_SLUGS
from chaikhana.blogs.models import Blog, Category, Post, Tag
from chaikhana.comments.models import Comment
from chaikhana.core.errors import ActionError
from chaikhana.linkbacks.models import Mention
from chaikhana.porting.models import ImportedItem
from chaikhana.porting.wxr import language
from chaikhana.porting.wxr.comments import LINKBACK_TYPES, MENTION_STATUS, new_comment
from chaikhana.porting.wxr.content import comment_source, convert
from chaikhana.porting.wxr.dates import to_aware
from chaikhana.porting.wxr.records import Author, Item
from chaikhana.porting.wxr.writer import (
    Context,
    SkipItem,
    base_slug,
    fingerprint,
    post_data,
    status_of,
)
from chaikhana.reading.cache import invalidate_blog_lists, invalidate_network, invalidate_post
from chaikhana.reading.search.tasks import index_posts_task

INSERT_BATCH = 500


def load_slugs(blog: Blog) -> dict[str, int]:
    """The blog's post slugs → post ids (one query per import; Context.slugs)."""
    return dict(Post.objects.for_blog(blog).values_list("slug", "pk"))


def _unique_slug(ctx: Context, base: str, reserved: dict[str, Post]) -> str:
    slug, n = base, 2
    while slug in RESERVED_SLUGS or slug in ctx.slugs or slug in reserved:
        slug, n = f"{base}-{n}", n + 1
    return slug


@dataclass
class _Planned:
    item: Item
    post: Post
    row: ImportedItem
    categories: set[int]
    tags: set[int]
    comments: list[tuple[Comment, ImportedItem, datetime | None]] = field(default_factory=list)
    mentions: list[tuple[Mention, ImportedItem, datetime | None]] = field(default_factory=list)


class BatchFailed(Exception):
    """The bulk write failed; the batch was rolled back and must be written item by item."""


def write_new(ctx: Context, items: list[Item]) -> list[int]:
    """Write *items* (none imported before) in bulk; returns the ids of the posts written.

    Skipped items are reported; post_changed is sent for the others once committed. Raises
    BatchFailed (the report restored, nothing written) when the database refuses the batch.
    """
    saved_report = copy.deepcopy(ctx.report)
    planned: list[_Planned] = []
    reserved: dict[str, Post] = {}
    for item in items:
        try:
            plan = _plan(ctx, item, reserved)
        except SkipItem as reason:
            ctx.report.skip(item.wp_id, item.title, str(reason))
            continue
        except ValueError as error:
            ctx.report.skip(
                item.wp_id, item.title, _("could not be saved: %(error)s") % {"error": error}
            )
            continue
        planned.append(plan)
        reserved[plan.post.slug] = plan.post
    if not planned:
        return []
    try:
        with transaction.atomic():
            _insert(planned)
            post_ids = [plan.post.pk for plan in planned]
            blog_id = ctx.blog.pk
            transaction.on_commit(lambda: notify(blog_id, post_ids))
    except (DatabaseError, ValueError, ActionError) as error:  # the one-by-one path reports it
        ctx.report.__dict__.update(saved_report.__dict__)
        raise BatchFailed from error
    for plan in planned:
        ctx.slugs[plan.post.slug] = plan.post.pk
    ctx.report.imported += len(planned)
    return post_ids


def notify(blog_id: int, post_ids: list[int]) -> None:
    """What post_changed's cache and search receivers do, once for a committed batch."""
    for post_id in post_ids:
        invalidate_post(post_id)
    invalidate_blog_lists(blog_id)
    if Blog.objects.listed().filter(pk=blog_id).exists():
        invalidate_network()
    index_posts_task.enqueue(post_ids=post_ids)


def _plan(ctx: Context, item: Item, reserved: dict[str, Post]) -> _Planned:
    if item.wp_id is None:
        raise SkipItem(_("The item has no WordPress id."))
    digest = fingerprint(item)
    author = (
        ctx.people.resolve(Author(author_id=None, login=item.creator))
        if item.creator
        else ctx.owner
    )
    kind = Post.Kind.PAGE if item.post_type == "page" else Post.Kind.POST
    post = Post(blog=ctx.blog, kind=kind)
    converted = convert(item.content, post_id=item.wp_id, attachments=ctx.attachments)
    ctx.report.unsupported_shortcodes.update(converted.unsupported)
    status, published_at = status_of(ctx, item)
    post.title = (item.title or unquote(item.post_name) or f"#{item.wp_id}")[:200]
    post.slug = _unique_slug(ctx, base_slug(item), reserved)
    post.slug_from_title = False
    post.author, post.byline = author, author.pen_name
    post.body_source, post.body_format = converted.html, Post.Format.HTML
    post.excerpt = item.excerpt.strip()[:1000]
    post.language = language.guess(item.title + " " + item.content[:3000], ctx.blog.language)
    post.status, post.published_at = status, published_at
    post.render()
    plan = _Planned(
        item=item,
        post=post,
        row=ImportedItem(
            blog=ctx.blog,
            kind=ImportedItem.Kind.POST,
            key=str(item.wp_id),
            wp_id=item.wp_id,
            post=post,
            **post_data(ctx, item, digest),
        ),
        categories=_term_ids(ctx, item, "category", Category),
        tags=_term_ids(ctx, item, "post_tag", Tag),
    )
    _plan_comments(ctx, plan)
    return plan


def _term_ids(ctx: Context, item: Item, domain: str, model: type[Category] | type[Tag]) -> set[int]:
    found = (ctx.terms.get(domain, t.nicename, t.name) for t in item.terms if t.domain == domain)
    return {term.pk for term in found if term is not None and isinstance(term, model)}


def _plan_comments(ctx: Context, plan: _Planned) -> None:
    """As comments.import_comments does for a post with none yet, without writing."""
    post = plan.post
    threaded: dict[int, Comment] = {}
    sources: set[str] = set()
    for wp in sorted(plan.item.comments, key=lambda c: c.wp_id):
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
            plan.mentions.append((mention, row, to_aware(wp.date, wp.date_gmt, ctx.offset)))
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
        plan.comments.append((comment, row, to_aware(wp.date, wp.date_gmt, ctx.offset)))
        threaded[wp.wp_id] = comment
        ctx.report.comments += 1


def _insert(planned: list[_Planned]) -> None:
    posts = [plan.post for plan in planned]
    Post.objects.bulk_create(posts, batch_size=INSERT_BATCH)
    categories = Post.categories.through
    tags = Post.tags.through
    categories.objects.bulk_create(
        [categories(post_id=p.post.pk, category_id=pk) for p in planned for pk in p.categories],
        batch_size=INSERT_BATCH,
    )
    tags.objects.bulk_create(
        [tags(post_id=p.post.pk, tag_id=pk) for p in planned for pk in p.tags],
        batch_size=INSERT_BATCH,
    )
    rows = [plan.row for plan in planned]
    comments = [entry for plan in planned for entry in plan.comments]
    by_depth: dict[int, list[Comment]] = {}
    for comment, _row, _when in comments:
        by_depth.setdefault(comment.depth, []).append(comment)
    for depth in sorted(by_depth):  # parents first: each level knows the ids above it
        Comment.objects.bulk_create(by_depth[depth], batch_size=INSERT_BATCH)
    _set_dates(Comment, [(c, when) for c, _row, when in comments])
    for comment, row, _when in comments:
        row.object_id = comment.pk
        rows.append(row)
    mentions = [entry for plan in planned for entry in plan.mentions]
    Mention.objects.bulk_create([m for m, _row, _when in mentions], batch_size=INSERT_BATCH)
    _set_dates(Mention, [(m, when) for m, _row, when in mentions])
    for mention, row, _when in mentions:
        row.object_id = mention.pk
        rows.append(row)
    ImportedItem.objects.bulk_create(rows, batch_size=INSERT_BATCH)


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
