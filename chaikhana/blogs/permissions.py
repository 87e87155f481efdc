"""Who may do what to a post: pure predicates over a membership (None: not a member).

The one table of WordPress-meaning roles; access helpers, actions and templates ask here.
"""

from __future__ import annotations

from chaikhana.blogs.models import Membership, Post
from chaikhana.blogs.roles import EDITS_ALL_POSTS, MANAGES_BLOG, MANAGES_TERMS, PUBLISHES, Role

UNPUBLISHED = {Post.Status.DRAFT, Post.Status.PENDING}


def is_own(membership: Membership | None, post: Post) -> bool:
    return (
        membership is not None and post.author_id is not None and (post.author_id == membership.pk)
    )


def can_write(membership: Membership | None, kind: str = Post.Kind.POST) -> bool:
    """Start a new post (any member) or page (owners and editors)."""
    if membership is None:
        return False
    return kind == Post.Kind.POST or membership.role in EDITS_ALL_POSTS


def can_edit_post(membership: Membership | None, post: Post) -> bool:
    if membership is None:
        return False
    if membership.role in EDITS_ALL_POSTS:
        return True
    if not is_own(membership, post):
        return False
    # A contributor's post leaves her hands once an editor publishes it.
    return membership.role == Role.AUTHOR or post.status in UNPUBLISHED


def can_publish_post(membership: Membership | None, post: Post) -> bool:
    if membership is None or membership.role not in PUBLISHES:
        return False
    return membership.role in EDITS_ALL_POSTS or is_own(membership, post)


def can_delete_post(membership: Membership | None, post: Post) -> bool:
    return can_edit_post(membership, post)


def can_manage_blog(membership: Membership | None) -> bool:
    return membership is not None and membership.role in MANAGES_BLOG


def can_manage_terms(membership: Membership | None) -> bool:
    return membership is not None and membership.role in MANAGES_TERMS
