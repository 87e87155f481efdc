"""Test factories of the portal: sections, staff with roles, submissions in any state."""

from __future__ import annotations

import factory
from django.utils import timezone

from chaikhana.blogs.models import Post
from chaikhana.core.testing.factories import BlogFactory, PostFactory, UserFactory
from chaikhana.portal.actions.portal_blog import portal_blog
from chaikhana.portal.models import Checklist, PortalRole, Section, Submission
from chaikhana.portal.workflow import Actor, State


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")


# The story copy exists from these states on (taking it into review makes it).
HAS_STORY = frozenset(
    {State.IN_REVIEW, State.FACT_CHECK, State.READY, State.SCHEDULED, State.PUBLISHED}
)


def staff(role: str, *sections: Section, **user_fields: object):
    """A user holding one portal role (for *sections* when she is a section editor)."""
    user = UserFactory(**user_fields)
    PortalRole.objects.create(user=user, role=role).sections.set(sections)
    return user


def blogger_post(**post_fields: object) -> Post:
    """A published post on its author's own public blog."""
    blog = BlogFactory()
    return PostFactory(blog=blog, **post_fields)


def submission_in(
    state: str, *, section: Section | None = None, complete: bool = True
) -> Submission:
    """A submission already in *state*, with a story copy where the state implies one."""
    post = blogger_post()
    submission = Submission.objects.create(
        original=post,
        author=post.author.user,
        author_membership=post.author,
        section=section or SectionFactory(),
        state=state,
    )
    if state in HAS_STORY:
        status = Post.Status.PUBLISHED if state == State.PUBLISHED else Post.Status.DRAFT
        submission.story = PostFactory(
            blog=portal_blog(),
            author=None,
            byline=post.author.pen_name,
            title=post.title,
            status=status,
            published_at=timezone.now() if status == Post.Status.PUBLISHED else None,
        )
        submission.save()
    if complete:
        Checklist.objects.create(submission=submission, **dict.fromkeys(Checklist.ITEMS, True))
    return submission


def person_as(actor: Actor, submission: Submission):
    """A user who is exactly *actor* for *submission*."""
    if actor == Actor.AUTHOR:
        return submission.author
    if actor == Actor.SECTION_EDITOR:
        return staff(PortalRole.Role.SECTION_EDITOR, submission.section)
    return staff(actor.value)
