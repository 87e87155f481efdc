"""Writing the planned users, blogs, members, categories and tags with bulk inserts."""

from __future__ import annotations

import random
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password

from chaikhana.accounts.models import User, username_key
from chaikhana.blogs.demo.network import BlogPlan, UserPlan
from chaikhana.blogs.demo.text import CORPORA
from chaikhana.blogs.models import Blog, Category, Membership, Tag
from chaikhana.core.translit import slugify

DEMO_PASSWORD = "demo-password"  # noqa: S105 - the published password of the demo network
BATCH = 2000


@dataclass(frozen=True, slots=True)
class Author:
    membership_id: int
    user_id: int
    role: str
    pen_name: str


@dataclass(slots=True)
class BlogContext:
    """What writing a blog's posts needs to know, as ids: the model objects are let go."""

    blog_id: int
    language: str
    photo: bool
    authors: list[Author]
    categories: list[int]
    tags: list[int]


def create_users(users: list[UserPlan]) -> list[int]:
    # One hash for everyone: Argon2 takes tens of milliseconds, a thousand users minutes.
    password = make_password(DEMO_PASSWORD)
    rows = [
        User(
            username=u.username,
            username_key=username_key(u.username),  # derived by User.save(), skipped here
            display_name=u.display_name,
            language=u.language,
            password=password,
        )
        for u in users
    ]
    User.objects.bulk_create(rows, batch_size=BATCH)
    return [row.pk for row in rows]


def _unique_slugs(names: list[str]) -> list[str]:
    slugs: list[str] = []
    for name in names:
        base = slugify(name) or "term"
        slug, n = base, 2
        while slug in slugs:
            slug, n = f"{base}-{n}", n + 1
        slugs.append(slug)
    return slugs


def _memberships(blog: Blog, plan: BlogPlan, user_ids: list[int]) -> list[Membership]:
    slugs = _unique_slugs([m.pen_name for m in plan.members])
    return [
        Membership(blog=blog, user_id=user_ids[m.user], role=m.role, pen_name=m.pen_name, slug=s)
        for m, s in zip(plan.members, slugs, strict=True)
    ]


def _categories(rng: random.Random, blog: Blog) -> list[tuple[Category, list[Category]]]:
    """A few of the language's top-level categories, most with some of their children."""
    tree = CORPORA[blog.language].categories
    chosen = rng.sample(tree, k=rng.randint(min(3, len(tree)), len(tree)))
    result = []
    for name, children in chosen:
        kept = [c for c in children if rng.random() < 0.6]
        slugs = _unique_slugs([name, *kept])
        parent = Category(blog=blog, name=name, slug=slugs[0])
        result.append(
            (
                parent,
                [Category(blog=blog, name=c, slug=s) for c, s in zip(kept, slugs[1:], strict=True)],
            )
        )
    return result


def _tags(rng: random.Random, blog: Blog) -> list[Tag]:
    names = CORPORA[blog.language].tags
    chosen = rng.sample(names, k=rng.randint(min(8, len(names)), len(names)))
    return [
        Tag(blog=blog, name=n, slug=s) for n, s in zip(chosen, _unique_slugs(chosen), strict=True)
    ]


def create_blogs(
    rng: random.Random, plans: list[BlogPlan], user_ids: list[int]
) -> list[BlogContext]:
    """Blogs with their members, categories (two levels) and tags, a few queries per batch."""
    blogs = [
        Blog(name=p.name, title=p.title, tagline=p.tagline, language=p.language, theme=p.theme)
        for p in plans
    ]
    Blog.objects.bulk_create(blogs, batch_size=BATCH)
    members = [_memberships(b, p, user_ids) for b, p in zip(blogs, plans, strict=True)]
    Membership.objects.bulk_create([m for ms in members for m in ms], batch_size=BATCH)
    trees = [_categories(rng, blog) for blog in blogs]
    Category.objects.bulk_create([parent for tree in trees for parent, _ in tree], batch_size=BATCH)
    for tree in trees:
        for parent, children in tree:
            for child in children:
                child.parent = parent
    children = [child for tree in trees for _, kids in tree for child in kids]
    Category.objects.bulk_create(children, batch_size=BATCH)
    tags = [_tags(rng, blog) for blog in blogs]
    Tag.objects.bulk_create([t for ts in tags for t in ts], batch_size=BATCH)
    return [
        BlogContext(
            blog_id=blog.pk,
            language=blog.language,
            photo=blog.theme == Blog.Theme.PHOTO,
            authors=[Author(m.pk, m.user_id, m.role, m.pen_name) for m in ms],
            categories=[c.pk for parent, kids in tree for c in (parent, *kids)],
            tags=[t.pk for t in ts],
        )
        for blog, ms, tree, ts in zip(blogs, members, trees, tags, strict=True)
    ]
