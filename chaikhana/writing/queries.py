"""Reads of the dashboard, each in a fixed number of queries however many rows there are."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog, Category, Membership, Post, Revision

RECENT_POSTS = 20
LIST_FIELDS_DEFERRED = ("body_source", "body_html", "summary")


def my_memberships(user: User) -> QuerySet[Membership]:
    # The portal's blog is written at the desk, never from the blog dashboard.
    memberships = Membership.objects.filter(user=user, blog__is_editorial=False)
    return memberships.select_related("blog").order_by("blog__title")


def my_recent_posts(user: User, status: str | None) -> QuerySet[Post]:
    posts = Post.objects.filter(author__user=user)
    if status:
        posts = posts.filter(status=status)
    return (
        posts.select_related("blog")
        .defer(*LIST_FIELDS_DEFERRED)
        .order_by("-updated_at", "-id")[:RECENT_POSTS]
    )


def dashboard_post_list(visible: Q, filters: dict[str, Any]) -> QuerySet[Post]:
    """A member's posts list, narrowed by the list's filters (PostFilterForm.filters)."""
    posts = Post.objects.filter(visible)
    if status := filters.get("status"):
        posts = posts.filter(status=status)
    if kind := filters.get("kind"):
        posts = posts.filter(kind=kind)
    if category := filters.get("category"):
        posts = posts.filter(categories=category)
    if author := filters.get("author"):
        posts = posts.filter(author=author)
    if q := filters.get("q"):
        # SQLite's LIKE folds ASCII case only: Cyrillic words are also tried as typed in lower
        # case and capitalised ("вода" finds "Вода"), and the transliterated slug counts too.
        words = {q, q.lower(), q.capitalize()}
        match = Q(slug__icontains=q)
        for word in words:
            match |= Q(title__icontains=word)
        posts = posts.filter(match)
    return (
        posts.select_related("blog", "author")
        .prefetch_related("categories")
        .defer(*LIST_FIELDS_DEFERRED)
        .order_by("-updated_at", "-id")
    )


def status_counts(visible: Q) -> dict[str, int]:
    """How many of her posts are in each status (the list's tabs), in one query."""
    rows = Post.objects.filter(visible).values("status").annotate(n=Count("id")).order_by()
    return {row["status"]: row["n"] for row in rows}


def chosen_posts(visible: Q, ids: list[int]) -> list[Post]:
    """The posts among *ids* that she sees, for a bulk action (one query)."""
    return list(
        Post.objects.filter(visible, pk__in=ids)
        .select_related("blog")
        .defer(*LIST_FIELDS_DEFERRED)
        .order_by("-updated_at", "-id")
    )


def pen_names(blog: Blog) -> dict[int, str]:
    """Each member's name on this blog, by user id (revisions show it, never a username)."""
    return dict(blog.memberships.values_list("user_id", "pen_name"))


def newer_autosave(post: Post, user: User) -> Revision | None:
    """This person's autosave of *post* made after its last save, if any."""
    return (
        post.revisions.filter(
            user=user, kind=Revision.Kind.AUTOSAVE, created_at__gt=post.updated_at
        )
        .order_by("-created_at")
        .first()
    )


def category_tree(blog: Blog) -> list[tuple[Category, int]]:
    """The blog's categories in tree order with their depth, from one query."""
    categories = list(Category.objects.for_blog(blog).order_by("name"))
    known = {c.pk for c in categories}
    children: dict[int | None, list[Category]] = {}
    for category in categories:
        parent = category.parent_id if category.parent_id in known else None
        children.setdefault(parent, []).append(category)
    tree: list[tuple[Category, int]] = []
    seen: set[int] = set()

    def walk(parent: int | None, depth: int) -> None:
        for category in children.get(parent, []):
            if category.pk not in seen:  # bad data with a cycle must not loop
                seen.add(category.pk)
                tree.append((category, depth))
                walk(category.pk, depth + 1)

    walk(None, 0)
    tree.extend((c, 0) for c in categories if c.pk not in seen)
    return tree
