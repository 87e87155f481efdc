"""For the forms and protocols that send a post's text and its status together.

The dashboard editor, XML-RPC (WordPress, MetaWeblog, Blogger) and Micropub each carry a
status field beside the text. They parse into a :class:`PostRequest`; ``save_requested_post``
then runs the one-per-use-case actions: create or edit the text, then the one status move
asked for. The portal and every other caller use those actions directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
from chaikhana.blogs.models import Blog, Category, Post

Status = Post.Status


@dataclass(kw_only=True)
class PostRequest:
    """What an editor form or an API call asks a post to become: text, terms and status."""

    title: str
    body_source: str = ""
    body_format: str = Post.Format.MARKDOWN
    excerpt: str = ""
    slug: str = ""
    language: str = "ru"
    status: str = Status.DRAFT
    published_at: datetime | None = None
    kind: str = Post.Kind.POST
    categories: list[Category] = field(default_factory=list)
    tag_names: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, post: Post) -> PostRequest:
        """*post* as it is now, for an API that changes a few fields of it."""
        c = PostContent.of(post)
        return cls(
            title=c.title,
            body_source=c.body_source,
            body_format=c.body_format,
            excerpt=c.excerpt,
            slug=c.slug,
            language=c.language,
            categories=c.categories,
            tag_names=c.tag_names,
            status=post.status,
            published_at=post.published_at,
            kind=post.kind,
        )

    def content(self) -> PostContent:
        return PostContent(
            title=self.title,
            body_source=self.body_source,
            body_format=self.body_format,
            excerpt=self.excerpt,
            slug=self.slug,
            language=self.language,
            categories=self.categories,
            tag_names=self.tag_names,
        )


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
