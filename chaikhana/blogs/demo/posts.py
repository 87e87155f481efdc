"""Posts, pages, their categories, tags and first revisions, written in batches.

Each post takes a pre-rendered body from the pool (Post.render() already ran on it), so a
batch of two thousand posts costs a few INSERTs and no Markdown.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from chaikhana.blogs.actions.posts import RESERVED_SLUGS
from chaikhana.blogs.demo.bodies import Body, BodyPool, render_body
from chaikhana.blogs.demo.tenants import BATCH, Author, BlogContext
from chaikhana.blogs.demo.text import CORPORA, make_title
from chaikhana.blogs.models import Post, Revision
from chaikhana.blogs.roles import Role
from chaikhana.core.translit import slugify

HISTORY = timedelta(days=730)
ABOUT_SLUG = "about"
# The demo blog shows every status on its dashboard; its first posts take these in turn.
DEMO_STATUSES = (
    Post.Status.DRAFT,
    Post.Status.PENDING,
    Post.Status.SCHEDULED,
    Post.Status.PRIVATE,
)
PostCategory = Post.categories.through
PostTag = Post.tags.through


@dataclass(slots=True)
class _Pending:
    post: Post
    user_id: int
    categories: list[int]
    tags: list[int]


class PostWriter:
    """Collects posts blog by blog and writes them, with their relations, every BATCH posts."""

    def __init__(
        self, *, rng: random.Random, pool: BodyPool, now: datetime, revisions: bool
    ) -> None:
        self.rng, self.pool, self.now, self.revisions = rng, pool, now, revisions
        self.written = 0
        self._pending: list[_Pending] = []
        self._about: dict[str, Body] = {}

    def add_blog(self, blog: BlogContext, count: int, *, demo: bool = False) -> None:
        slugs = set(RESERVED_SLUGS) | {ABOUT_SLUG}
        self._add_about_page(blog)
        for index in range(count):
            status = DEMO_STATUSES[index] if demo and index < len(DEMO_STATUSES) else self._status()
            self._add_post(blog, slugs, status)
            if len(self._pending) >= BATCH:
                self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        Post.objects.bulk_create([p.post for p in self._pending], batch_size=BATCH)
        PostCategory.objects.bulk_create(
            [
                PostCategory(post_id=p.post.pk, category_id=c)
                for p in self._pending
                for c in p.categories
            ],
            batch_size=BATCH,
        )
        PostTag.objects.bulk_create(
            [PostTag(post_id=p.post.pk, tag_id=t) for p in self._pending for t in p.tags],
            batch_size=BATCH,
        )
        if self.revisions:
            Revision.objects.bulk_create(
                [self._revision(p) for p in self._pending], batch_size=BATCH
            )
        self.written += sum(p.post.kind == Post.Kind.POST for p in self._pending)
        self._pending = []

    def _status(self) -> str:
        roll = self.rng.random()
        if roll < 0.04:
            return Post.Status.DRAFT
        if roll < 0.055:
            return Post.Status.PENDING
        if roll < 0.065:
            return Post.Status.PRIVATE
        if roll < 0.07:
            return Post.Status.SCHEDULED
        return Post.Status.PUBLISHED

    def _published_at(self, status: str) -> datetime | None:
        if status in (Post.Status.DRAFT, Post.Status.PENDING):
            return None
        if status == Post.Status.SCHEDULED:
            return self.now + timedelta(days=self.rng.uniform(1, 30))
        return self.now - HISTORY * self.rng.random()

    def _author(self, blog: BlogContext, status: str) -> Author:
        if status == Post.Status.PENDING:
            contributors = [a for a in blog.authors if a.role == Role.CONTRIBUTOR]
            if contributors:
                return self.rng.choice(contributors)
        # Owners write most of their blogs.
        weights = [3 if a.role == Role.OWNER else 1 for a in blog.authors]
        return self.rng.choices(blog.authors, weights=weights)[0]

    def _language(self, blog: BlogContext) -> str:
        # A few posts in Russian blogs are in English, for readers abroad.
        if blog.language == "ru" and not blog.photo and self.rng.random() < 0.05:
            return "en"
        return blog.language

    def _title(self, blog: BlogContext, language: str) -> str:
        corpus = CORPORA[language]
        if blog.photo:
            return (
                f"{self.rng.choice(corpus.photo_captions)} ({self.rng.choice(corpus.title_places)})"
            )
        return make_title(self.rng, corpus)

    def _add_post(self, blog: BlogContext, slugs: set[str], status: str) -> None:
        author, language = self._author(blog, status), self._language(blog)
        title = self._title(blog, language)
        post = Post(
            blog_id=blog.blog_id,
            author_id=author.membership_id,
            byline=author.pen_name,
            title=title,
            slug=_unique_slug(slugify(title, max_length=90) or "post", slugs),
            language=language,
            status=status,
            published_at=self._published_at(status),
        )
        self.pool.pick(self.rng, language, photo=blog.photo).apply(post)
        categories = self.rng.sample(
            blog.categories, k=min(len(blog.categories), self.rng.choice((1, 1, 2)))
        )
        tags = self.rng.sample(blog.tags, k=min(len(blog.tags), self.rng.randint(0, 4)))
        self._pending.append(_Pending(post, author.user_id, categories, tags))

    def _add_about_page(self, blog: BlogContext) -> None:
        corpus, owner = CORPORA[blog.language], blog.authors[0]
        if blog.language not in self._about:
            self._about[blog.language] = render_body(corpus.about_text)
        page = Post(
            blog_id=blog.blog_id,
            author_id=owner.membership_id,
            byline=owner.pen_name,
            kind=Post.Kind.PAGE,
            title=corpus.about_title,
            slug=ABOUT_SLUG,
            language=blog.language,
            status=Post.Status.PUBLISHED,
            published_at=self.now - HISTORY,
        )
        self._about[blog.language].apply(page)
        self._pending.append(_Pending(page, owner.user_id, [], []))

    def _revision(self, pending: _Pending) -> Revision:
        post = pending.post
        return Revision(
            post_id=post.pk,
            user_id=pending.user_id,
            kind=Revision.Kind.SAVE,
            title=post.title,
            body_source=post.body_source,
            body_format=post.body_format,
            post_version=post.version,
            created_at=min(post.published_at or self.now, self.now),
        )


def _unique_slug(base: str, taken: set[str]) -> str:
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug
