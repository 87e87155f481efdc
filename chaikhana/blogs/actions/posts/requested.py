"""For the forms and protocols that send a post's text and its status together.

The dashboard editor, XML-RPC (WordPress, MetaWeblog, Blogger) and Micropub each carry a
status field beside the text. They parse into a :class:`PostRequest`; ``save_requested_post``
then runs the one-per-use-case actions: create or edit the text, then the one status move
asked for. The portal and every other caller use those actions directly.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from chaikhana.accounts.models import User
from chaikhana.blogs.actions.posts.content import PostContent
from chaikhana.blogs.actions.posts.status import (
    date_draft,
    make_post_private,
    publish_post,
    schedule_post,
    submit_post_for_review,
    unpublish_post,
)
from chaikhana.blogs.actions.posts.writing import (
    EditConflict,
    create_post,
    edit_post,
    keep_conflicting_text,
)
from chaikhana.blogs.models import Blog, Post

Status = Post.Status


@dataclass(kw_only=True)
class PostRequest(PostContent):
    """What an editor form or an API call asks a post to become: its content and status."""

    status: str = Status.DRAFT
    published_at: datetime | None = None
    kind: str = Post.Kind.POST

    @classmethod
    def of(cls, post: Post) -> PostRequest:
        """*post* as it is now, for an API that changes a few fields of it."""
        content = PostContent.of(post)
        values = {f.name: getattr(content, f.name) for f in fields(PostContent)}
        return cls(**values, status=post.status, published_at=post.published_at, kind=post.kind)

    def content(self) -> PostContent:
        return PostContent(**{f.name: getattr(self, f.name) for f in fields(PostContent)})


def apply_requested_status(
    *, post: Post, by: User, status: str, at: datetime | None = None
) -> Post:
    """The one status action that moves *post* to *status* (nothing when it is there)."""
    if status == Status.PUBLISHED:
        if at is not None and at > timezone.now():
            return schedule_post(post=post, by=by, at=at)
        return publish_post(post=post, by=by, at=at)
    if status == Status.SCHEDULED:
        return schedule_post(post=post, by=by, at=at)
    if status == Status.PRIVATE:
        return make_post_private(post=post, by=by, at=at)
    if status != post.status:
        if post.status != Status.DRAFT:
            post = unpublish_post(post=post, by=by)
        if status == Status.PENDING:
            post = submit_post_for_review(post=post, by=by)
    if at is not None and at != post.published_at:
        post = date_draft(post=post, by=by, at=at)
    return post


def save_requested_post(
    *,
    blog: Blog,
    by: User,
    request: PostRequest,
    post: Post | None = None,
    base_version: int | None = None,
) -> Post:
    """Create (post None) or edit, then move to the requested status, all or nothing.

    On an edit conflict the text is kept as a revision after the rollback, as edit_post does.
    """
    content = request.content()
    try:
        with transaction.atomic():
            if post is None:
                post = create_post(blog=blog, by=by, content=content, kind=request.kind)
            else:
                post = edit_post(post=post, by=by, content=content, base_version=base_version)
            return apply_requested_status(
                post=post, by=by, status=request.status, at=request.published_at
            )
    except EditConflict as conflict:
        # edit_post kept her text inside our transaction, which has just rolled back.
        conflict.kept = keep_conflicting_text(conflict.current, by, content)
        raise
