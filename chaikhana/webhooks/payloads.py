"""What a delivery says: ids, titles, public addresses and pen names — never a username, an
email address, or anything that ties a pen name to an account or to the writer's other blogs.

A registration names its course and session only (the person stays with the school); a
portal submission names its states and, once public, the story — never the blog post it
came from, since portal bylines may be pseudonyms unlinked from the blog.
"""

from __future__ import annotations

from typing import Any

from chaikhana.blogs.models import Blog, Post
from chaikhana.comments.models import Comment
from chaikhana.core.urls import absolute_url
from chaikhana.courses.models import Registration
from chaikhana.portal.models import Submission


def _when(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def blog_data(blog: Blog) -> dict[str, Any]:
    return {"name": blog.name, "title": blog.title, "url": absolute_url(blog.get_absolute_url())}


def post_data(post: Post) -> dict[str, Any]:
    return {
        "id": post.pk,
        "blog": blog_data(post.blog),
        "kind": post.kind,
        "title": post.title,
        "url": absolute_url(post.get_absolute_url()),
        "byline": post.byline,
        "published_at": _when(post.published_at),
        "updated_at": _when(post.updated_at),
    }


def comment_data(comment: Comment) -> dict[str, Any]:
    post = comment.post
    return {
        "id": comment.pk,
        "status": comment.status,
        "author_name": comment.shown_name,
        "created_at": _when(comment.created_at),
        "post": {"id": post.pk, "title": post.title, "url": absolute_url(post.get_absolute_url())},
        "blog": blog_data(post.blog),
    }


def submission_data(submission: Submission, from_state: str, to_state: str) -> dict[str, Any]:
    story = submission.story
    public = story is not None and story.is_public
    return {
        "id": submission.pk,
        "from_state": from_state,
        "to_state": to_state,
        "story": {"title": story.title, "url": absolute_url(story.get_absolute_url())}
        if public and story is not None
        else None,
    }


def registration_data(registration: Registration) -> dict[str, Any]:
    session = registration.session
    course = session.course
    return {
        "id": registration.pk,
        "status": registration.status,
        "course": {"title": course.title, "url": absolute_url(course.get_absolute_url())},
        "session": {
            "id": session.pk,
            "title": session.title,
            "starts_at": _when(session.starts_at),
        },
    }
