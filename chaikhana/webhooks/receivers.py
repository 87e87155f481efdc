"""What the apps announce after commit, turned into queued deliveries (ids in)."""

from __future__ import annotations

from typing import Any

from chaikhana.blogs.models import Blog, Post
from chaikhana.comments.models import Comment
from chaikhana.courses.models import Registration
from chaikhana.portal.models import Submission
from chaikhana.webhooks import actions, payloads
from chaikhana.webhooks.models import Endpoint


def _listened() -> bool:
    return Endpoint.objects.exists()  # most networks have none: one cheap query


def _network_may_hear(blog: Blog) -> bool:
    return blog.visibility != Blog.Visibility.PRIVATE


def _post(post_id: int) -> Post | None:
    return Post.objects.select_related("blog").filter(pk=post_id).first()


def on_post_published(sender: Any, *, post_id: int, **kwargs: Any) -> None:
    if _listened() and (post := _post(post_id)) is not None and post.is_public:
        actions.queue_event(
            event="post.published",
            blog=post.blog,
            data=payloads.post_data(post),
            network=_network_may_hear(post.blog),
        )


def on_post_changed(sender: Any, *, post_id: int, was_public: bool = False, **kwargs: Any) -> None:
    # A publishing save is post.published (its own signal); an edit of a public post is this.
    if not was_public or not _listened() or (post := _post(post_id)) is None:
        return
    if post.is_public:
        actions.queue_event(
            event="post.updated",
            blog=post.blog,
            data=payloads.post_data(post),
            network=_network_may_hear(post.blog),
        )


def on_post_deleted(sender: Any, *, post_id: int, blog_id: int, **kwargs: Any) -> None:
    if _listened() and (blog := Blog.objects.filter(pk=blog_id).first()) is not None:
        data = {"id": post_id, "blog": payloads.blog_data(blog)}
        actions.queue_event(
            event="post.deleted", blog=blog, data=data, network=_network_may_hear(blog)
        )


def _comment(comment_id: int) -> Comment | None:
    return (
        Comment.objects.with_shown_names()
        .select_related("post", "post__blog")
        .filter(pk=comment_id)
        .first()
    )


def on_comment_received(sender: Any, *, comment_id: int, **kwargs: Any) -> None:
    if _listened() and (comment := _comment(comment_id)) is not None:
        if comment.status == Comment.Status.SPAM:
            return
        actions.queue_event(
            event="comment.received",
            blog=comment.post.blog,
            data=payloads.comment_data(comment),
            network=False,  # not yet moderated: for the blog alone
        )


def on_comment_approved(sender: Any, *, comment_id: int, **kwargs: Any) -> None:
    if _listened() and (comment := _comment(comment_id)) is not None:
        actions.queue_event(
            event="comment.approved",
            blog=comment.post.blog,
            data=payloads.comment_data(comment),
            network=_network_may_hear(comment.post.blog),
        )


def on_submission(
    sender: Any, *, submission_id: int, from_state: str, to_state: str, **kwargs: Any
) -> None:
    submission = (
        Submission.objects.select_related("story", "story__blog").filter(pk=submission_id).first()
    )
    if _listened() and submission is not None:
        data = payloads.submission_data(submission, from_state, to_state)
        actions.queue_event(event="submission.changed", blog=None, data=data, network=True)


def on_registration(sender: Any, *, registration_id: int, **kwargs: Any) -> None:
    registration = (
        Registration.objects.select_related("session", "session__course")
        .filter(pk=registration_id)
        .first()
    )
    if _listened() and registration is not None:
        data = payloads.registration_data(registration)
        actions.queue_event(event="registration.created", blog=None, data=data, network=True)
