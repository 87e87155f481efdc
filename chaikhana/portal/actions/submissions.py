"""How a post reaches the desk: a blogger submits it, or an editor picks it and she agrees."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.actions import move_editorial_post, set_editorial_byline
from chaikhana.blogs.models import Blog, Post
from chaikhana.core.errors import ActionError
from chaikhana.portal import permissions
from chaikhana.portal.actions.notify import desk_of, notify
from chaikhana.portal.models import Callout, Section, Source, Submission, Transition
from chaikhana.portal.pseudonyms import unlinked_slug_for
from chaikhana.portal.translations import guard_one_pseudonym, other_versions
from chaikhana.portal.workflow import State


@dataclass(kw_only=True)
class SourceInput:
    url: str = ""
    description: str = ""
    private: bool = False


class AlreadySubmitted(ActionError):
    """The post already has an open submission; the message and `.existing` lead to it."""

    def __init__(self, existing: Submission) -> None:
        super().__init__(_("This post has already been sent to the portal."), field="post")
        self.existing = existing


def _guard_not_open(post: Post) -> None:
    existing = Submission.objects.open().filter(original=post).first()
    if existing is not None:
        raise AlreadySubmitted(existing)


def _create(**fields: object) -> Submission:
    post = fields["original"]
    assert isinstance(post, Post)
    try:
        with transaction.atomic():
            return Submission.objects.create(**fields)
    except IntegrityError:
        # Two clicks at once: the database constraint caught the second.
        _guard_not_open(post)
        raise


@transaction.atomic
def submit_post(
    *,
    post: Post,
    by: User,
    section: Section,
    note: str = "",
    sources: list[SourceInput],
    callout: Callout | None = None,
) -> Submission:
    """Send her own post (published on her blog, or a draft written for the portal),
    answering *callout* when given (only while it is open)."""
    membership = post.author
    if membership is None or membership.user_id != by.pk:
        raise PermissionDenied(_("You can send only your own posts to the portal."))
    if post.blog.name == "portal":
        raise ActionError(_("This is already a portal story."), field="post")
    _guard_not_open(post)
    if callout is not None and not callout.is_open:
        raise ActionError(_("This call for contributions is closed."), field="callout")
    submission = _create(
        original=post,
        author=by,
        author_membership=membership,
        section=section,
        note=note,
        callout=callout,
    )
    for source in sources:
        add_source(submission=submission, by=by, data=source)
    Transition.objects.create(submission=submission, to_state=State.SUBMITTED, by=by, note=note)
    text = _("New submission: “%(title)s”.") % {"title": post.title}
    notify(users=desk_of(submission), submission=submission, text=text)
    return submission


@transaction.atomic
def pick_post(*, post: Post, by: User, section: Section, note: str = "") -> Submission:
    """An editor asks a blogger for her public post; nothing moves until she accepts."""
    if post.blog.is_editorial:
        raise ActionError(_("This is already a portal story."), field="post")
    if not post.is_public or post.blog.visibility != Blog.Visibility.PUBLIC:
        raise ActionError(_("Only public posts of public blogs can be picked."), field="post")
    if post.author is None:
        raise ActionError(_("This post has no author to ask."), field="post")
    _guard_not_open(post)
    submission = Submission(
        original=post, author=post.author.user, author_membership=post.author, section=section
    )
    if not permissions.is_editor(permissions.actors(by, submission)):
        raise PermissionDenied(_("Only this section's editors and the editor-in-chief pick posts."))
    submission = _create(
        original=post,
        author=post.author.user,
        author_membership=post.author,
        section=section,
        note=note,
        picked_by=by,
        state=State.AWAITING_AUTHOR,
    )
    Transition.objects.create(
        submission=submission, to_state=State.AWAITING_AUTHOR, by=by, note=note
    )
    text = _("The editors would like to publish “%(title)s” on the portal. Do you agree?") % {
        "title": post.title
    }
    notify(users=[submission.author], submission=submission, text=text)
    return submission


@transaction.atomic
def add_source(*, submission: Submission, by: User, data: SourceInput) -> Source:
    if not permissions.actors(by, submission):
        raise PermissionDenied(_("You may not add sources to this submission."))
    if not data.url.strip() and not data.description.strip():
        raise ActionError(_("Give an address or describe the source."), field="sources")
    return Source.objects.create(
        submission=submission,
        url=data.url.strip(),
        description=data.description.strip(),
        private=data.private,
    )


@transaction.atomic
def set_byline(*, submission: Submission, by: User, pseudonym: str) -> Submission:
    """Sign the story with her pen name (empty) or a pseudonym only the editors can resolve.

    A new pseudonym also gives the story a new address, even after publication: the old
    one (the original's slug) answers 404, since a redirect from it would be the very link
    the pseudonym hides. The story's link-backs disappear with the pseudonym's arrival
    (templates ask ``is_pseudonymous``).
    """
    if not permissions.is_editor(permissions.actors(by, submission)):
        raise PermissionDenied(_("Only the editors set the byline."))
    was_pseudonymous = submission.is_pseudonymous
    submission.byline_pseudonym = pseudonym.strip()[:100]
    story = submission.story
    if story is not None:
        guard_one_pseudonym(submission, *other_versions(story))
    submission.save(update_fields=["byline_pseudonym"])
    if story is not None:
        story = set_editorial_byline(post=story, by=by, byline=submission.byline)
        if submission.is_pseudonymous and not was_pseudonymous:
            submission.story = move_editorial_post(
                post=story, by=by, slug=unlinked_slug_for(submission, story.title)
            )
    return submission


@transaction.atomic
def assign(
    *, submission: Submission, by: User, editor: User | None, checker: User | None
) -> Submission:
    if not permissions.is_editor(permissions.actors(by, submission)):
        raise PermissionDenied(_("Only the editors assign work."))
    submission.assigned_editor, submission.assigned_checker = editor, checker
    submission.save(update_fields=["assigned_editor", "assigned_checker"])
    text = _("You have been assigned “%(title)s”.") % {"title": submission.title}
    notify(
        users=[u for u in (editor, checker) if u and u.pk != by.pk],
        submission=submission,
        text=text,
    )
    return submission


@transaction.atomic
def set_section(*, submission: Submission, by: User, section: Section) -> Submission:
    """Move a submission to another desk; she must be an editor on both sides."""
    if not permissions.is_editor(permissions.actors(by, submission)):
        raise PermissionDenied(_("Only the editors move a submission to another section."))
    old = submission.section
    submission.section = section
    if not permissions.is_editor(permissions.actors(by, submission)):
        submission.section = old
        raise ActionError(_("You do not edit that section."), field="section")
    submission.save(update_fields=["section"])
    return submission
