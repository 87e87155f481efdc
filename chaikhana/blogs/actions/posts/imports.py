"""Posts arriving from another platform (WordPress, LiveJournal): written in batches.

An old post arriving is not a new publication: no revision is kept (the export is the
history) and listeners hear ``posts_imported`` once per batch (ids only) — never
``post_published``, which would ping every link of a ten-year-old post and announce it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs import permissions, signals
from chaikhana.blogs.actions.posts.announce import lock
from chaikhana.blogs.actions.posts.content import RESERVED_SLUGS
from chaikhana.blogs.actions.posts.writers import member
from chaikhana.blogs.models import Blog, Membership, Post
from chaikhana.core.slugs import unique_slug
from chaikhana.core.translit import slugify

BATCH = 500


@dataclass(kw_only=True)
class ImportedPost:
    """One post as the other platform had it; *slug* is wanted, and numbered if taken.

    *byline* is the name readers see: the author's pen name, or — for a writer with no
    membership here (*author* None) — the name the source gave, linked to nobody.
    """

    author: Membership | None  # None: a writer who is nobody here, known by her byline alone
    byline: str
    title: str
    slug: str
    body_source: str
    body_format: str = Post.Format.HTML
    excerpt: str = ""
    language: str
    status: str
    published_at: datetime | None
    kind: str = Post.Kind.POST
    category_ids: Collection[int] = field(default_factory=set)
    tag_ids: Collection[int] = field(default_factory=set)


def _require_importer(blog: Blog, by: User) -> None:
    if not permissions.can_manage_blog(member(blog, by).membership):
        raise PermissionDenied(_("Only the blog's owner may import into it."))


@transaction.atomic
def import_posts(*, blog: Blog, by: User, posts: Sequence[ImportedPost]) -> list[Post]:
    """Insert *posts* into *blog* in bulk and announce them once, after commit."""
    _require_importer(blog, by)
    rows = [_row(blog, imported) for imported in posts]
    _number_slugs(blog, rows)
    for row in rows:
        row.render()  # bulk_create skips save(): the same nh3 pipeline, explicitly
    Post.objects.bulk_create(rows, batch_size=BATCH)
    _link_terms(rows, posts)
    _announce(blog, [row.pk for row in rows])
    return rows


@transaction.atomic
def reimport_post(*, post: Post, by: User, imported: ImportedPost) -> Post:
    """Overwrite an earlier import of the same item with what the source says now."""
    post = lock(post)
    _require_importer(post.blog, by)
    base = slugify(imported.slug, max_length=90) or "post"
    keeps_address = post.slug == base or post.slug.startswith(base + "-")
    fresh = _row(post.blog, imported)
    fresh.pk, fresh.version, fresh.created_at = post.pk, post.version + 1, post.created_at
    fresh.slug = post.slug if keeps_address else _free(post.blog, base, exclude=post.pk)
    fresh.save()
    fresh.categories.set(imported.category_ids)
    fresh.tags.set(imported.tag_ids)
    _announce(post.blog, [post.pk])
    return fresh


def _row(blog: Blog, imported: ImportedPost) -> Post:
    return Post(
        blog=blog,
        kind=imported.kind,
        author=imported.author,
        byline=imported.byline[:100],
        title=imported.title[:200],
        slug=slugify(imported.slug, max_length=90) or "post",
        slug_from_title=False,
        body_source=imported.body_source,
        body_format=imported.body_format,
        excerpt=imported.excerpt[:1000],
        language=imported.language,
        status=imported.status,
        published_at=imported.published_at,
    )


def _free(blog: Blog, base: str, *, exclude: int | None = None, taken: Collection[str] = ()) -> str:
    others = Post.objects.for_blog(blog)
    if exclude is not None:
        others = others.exclude(pk=exclude)
    return unique_slug(others, base, reserved=RESERVED_SLUGS | set(taken))


def _number_slugs(blog: Blog, rows: list[Post]) -> None:
    """WordPress's numbering: a taken slug gets -2, -3 …; one query unless slugs collide."""
    wanted = {row.slug for row in rows}
    existing = set(
        Post.objects.for_blog(blog).filter(slug__in=wanted).values_list("slug", flat=True)
    )
    planned: set[str] = set()
    for row in rows:
        if row.slug in existing or row.slug in planned or row.slug in RESERVED_SLUGS:
            row.slug = _free(blog, row.slug, taken=planned)
        planned.add(row.slug)


def _link_terms(rows: list[Post], posts: Sequence[ImportedPost]) -> None:
    # Through rows in bulk, not .set(): m2m_changed receivers would run once per post.
    categories, tags = Post.categories.through, Post.tags.through
    categories.objects.bulk_create(
        [
            categories(post_id=r.pk, category_id=c)
            for r, p in zip(rows, posts, strict=True)
            for c in p.category_ids
        ],
        batch_size=BATCH,
    )
    tags.objects.bulk_create(
        [tags(post_id=r.pk, tag_id=t) for r, p in zip(rows, posts, strict=True) for t in p.tag_ids],
        batch_size=BATCH,
    )


def _announce(blog: Blog, post_ids: list[int]) -> None:
    blog_id = blog.pk
    transaction.on_commit(
        lambda: signals.posts_imported.send(Post, blog_id=blog_id, post_ids=post_ids)
    )
