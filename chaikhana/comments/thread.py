"""A post's comments as nested threads, built in memory from one query."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import HttpRequest

from chaikhana.blogs.models import Post
from chaikhana.comments.actions.posting import may_change_own
from chaikhana.comments.identity import own_comment_ids
from chaikhana.comments.models import Comment


@dataclass
class Node:
    comment: Comment
    mine: bool = False  # she may still edit or delete it
    children: list[Node] = field(default_factory=list)


def build_thread(request: HttpRequest, post: Post) -> tuple[list[Node], int]:
    """Top-level nodes with their replies, and how many comments are shown.

    A reply whose parent readers cannot see (trashed, waiting) is shown at the top
    level rather than lost.
    """
    own = own_comment_ids(request)
    user = request.user if request.user.is_authenticated else None
    comments = list(Comment.objects.thread_of(post, user=user, own_ids=own))
    nodes = {c.pk: Node(c, mine=may_change_own(c, user, own)) for c in comments}
    roots: list[Node] = []
    for node in nodes.values():
        parent = nodes.get(node.comment.parent_id or 0)
        (parent.children if parent else roots).append(node)
    return roots, len(nodes)
