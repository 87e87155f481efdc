"""Bodies saved under older rules re-rendered through today's sanitiser and renderer.

Posts render once, at save (docs/architecture.md, "Render once"): when the allow-list or the
renderer changes, stored HTML keeps the old rules until this runs (``manage.py
rerender_posts``). It is not an edit: no version bump, no revision, no ``post_changed`` (which
would send webmentions again) and never ``post_published``. Listeners hear
``posts_rerendered`` once per batch and blog, so cached pages and the search index forget the
old HTML.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import partial

from django.db import transaction

from chaikhana.blogs import signals
from chaikhana.blogs.models import Blog, Post

# What Post.render derives from the source, and what it reads to do so.
DERIVED = ("body_html", "word_count", "summary", "cover_image")
SOURCE = ("body_source", "body_format", "excerpt")
BATCH = 500


@dataclass
class Rerendered:
    checked: int = 0
    changed: int = 0


def rerender_posts(*, blog: Blog | None = None, batch_size: int = BATCH) -> Rerendered:
    """Re-render every post (of *blog*, or of the network); rows whose HTML is unchanged stay."""
    posts = Post.objects.all() if blog is None else Post.objects.for_blog(blog)
    posts = posts.order_by("pk").only("pk", "blog_id", *SOURCE, *DERIVED)
    done, last = Rerendered(), 0
    while True:
        with transaction.atomic():  # one batch at a time; an edit waits for the row lock
            batch = list(posts.select_for_update().filter(pk__gt=last)[:batch_size])
            if not batch:
                return done
            changed = [post for post in batch if _rerender(post)]
            Post.objects.bulk_update(changed, DERIVED, batch_size=batch_size)
            _announce(changed)
        done.checked += len(batch)
        done.changed += len(changed)
        last = batch[-1].pk


def _rerender(post: Post) -> bool:
    before = [getattr(post, name) for name in DERIVED]
    post.render()
    return [getattr(post, name) for name in DERIVED] != before


def _announce(changed: list[Post]) -> None:
    by_blog: dict[int, list[int]] = defaultdict(list)
    for post in changed:
        by_blog[post.blog_id].append(post.pk)
    for blog_id, post_ids in by_blog.items():
        transaction.on_commit(
            partial(signals.posts_rerendered.send, Post, blog_id=blog_id, post_ids=post_ids)
        )
