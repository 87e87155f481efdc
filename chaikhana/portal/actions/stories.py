"""Editing the story copy; after publication no silent edits: proposals, corrections, withdrawal."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.actions import (
    EditConflict,
    PostContent,
    edit_editorial_post,
    withdraw_editorial_post,
)
from chaikhana.blogs.models import Post
from chaikhana.core.errors import ActionError, InvalidTransition
from chaikhana.portal import permissions
from chaikhana.portal.actions.notify import notify
from chaikhana.portal.models import Correction, StoryRevisionProposal, Submission
from chaikhana.portal.models.stories import CorrectionKind
from chaikhana.portal.pseudonyms import unlinked_slug_for
from chaikhana.portal.workflow import State


@dataclass(kw_only=True)
class StoryEdit:
    title: str
    excerpt: str
    body_source: str
    base_version: int
    correction_kind: str = ""
    correction_note: str = ""
    language: str = ""  # empty: keep the story's; changed only before publication


def _require_editor(submission: Submission, by: User) -> Post:
    if not permissions.is_editor(permissions.actors(by, submission)):
        raise PermissionDenied(_("Only the editors edit the story."))
    if submission.story is None:
        raise ActionError(_("Take the submission into review first."))
    return submission.story


def _content(story: Post, title: str, excerpt: str, body: str, language: str = "") -> PostContent:
    content = PostContent.of(story)
    content.title, content.excerpt, content.body_source = title, excerpt, body
    content.language = language or story.language
    return content


def edit_story(
    *, submission: Submission, by: User, edit: StoryEdit
) -> Post | StoryRevisionProposal:
    """Before publication: save the editors' copy. After: propose a revision for approval."""
    story = _require_editor(submission, by)
    if not edit.title.strip():
        raise ActionError(_("A story needs a headline."), field="title")
    if not story.is_public:
        content = _content(story, edit.title.strip(), edit.excerpt, edit.body_source, edit.language)
        if submission.is_pseudonymous and content.title != story.title:
            # Readable again once the editors' headline is their own (still never public).
            content.slug = unlinked_slug_for(submission, content.title)
        return edit_editorial_post(
            post=story, by=by, content=content, base_version=edit.base_version
        )
    return _propose(story, by, edit)


@transaction.atomic
def _propose(story: Post, by: User, edit: StoryEdit) -> StoryRevisionProposal:
    if edit.correction_kind not in CorrectionKind.values:
        raise ActionError(
            _("A published story changes only with a correction, update or clarification."),
            field="correction_kind",
        )
    if not edit.correction_note.strip():
        raise ActionError(_("Tell readers what changed and why."), field="correction_note")
    return StoryRevisionProposal.objects.create(
        story=story,
        title=edit.title.strip(),
        excerpt=edit.excerpt,
        body_source=edit.body_source,
        body_format=story.body_format,
        base_version=edit.base_version,
        correction_kind=edit.correction_kind,
        correction_note=edit.correction_note.strip(),
        proposed_by=by,
    )


def approve_proposal(*, proposal: StoryRevisionProposal, by: User) -> Post:
    """Apply a pending revision to the live story and print its correction at the foot."""
    submission = Submission.objects.select_related("story").get(story=proposal.story_id)
    story = _require_editor(submission, by)
    with transaction.atomic():
        locked = StoryRevisionProposal.objects.select_for_update().get(pk=proposal.pk)
        if locked.state != StoryRevisionProposal.State.PENDING:
            raise InvalidTransition(_("This revision has already been decided."))
        content = _content(story, locked.title, locked.excerpt, locked.body_source)
        try:
            story = edit_editorial_post(
                post=story, by=by, content=content, base_version=locked.base_version
            )
        except EditConflict as conflict:
            raise InvalidTransition(
                _(
                    "The story changed after this revision was written; "
                    "write it again over the current text."
                )
            ) from conflict
        Correction.objects.create(
            story=story, kind=locked.correction_kind, note=locked.correction_note, by=by
        )
        locked.state, locked.decided_by, locked.decided_at = "approved", by, timezone.now()
        locked.save(update_fields=["state", "decided_by", "decided_at"])
    return story


@transaction.atomic
def reject_proposal(*, proposal: StoryRevisionProposal, by: User) -> StoryRevisionProposal:
    submission = Submission.objects.select_related("story").get(story=proposal.story_id)
    _require_editor(submission, by)
    locked = StoryRevisionProposal.objects.select_for_update().get(pk=proposal.pk)
    if locked.state != StoryRevisionProposal.State.PENDING:
        raise InvalidTransition(_("This revision has already been decided."))
    locked.state, locked.decided_by, locked.decided_at = "rejected", by, timezone.now()
    locked.save(update_fields=["state", "decided_by", "decided_at"])
    return locked


@transaction.atomic
def unpublish_story(*, submission: Submission, by: User, note: str) -> Submission:
    """Take a story down; the record stays and its address answers 410 with *note*."""
    story = _require_editor(submission, by)
    if not note.strip():
        raise ActionError(_("Say why the story was withdrawn; readers will see it."), field="note")
    if submission.unpublished_at is not None:
        raise InvalidTransition(_("This story has already been withdrawn."))
    if submission.state != State.PUBLISHED:
        # A scheduled story is unscheduled at the desk ("Ready"), not withdrawn.
        raise InvalidTransition(_("Only a published story can be withdrawn."))
    withdraw_editorial_post(post=story, by=by)
    submission.unpublished_at, submission.unpublish_note = timezone.now(), note.strip()
    submission.save(update_fields=["unpublished_at", "unpublish_note"])
    text = _("“%(title)s” was withdrawn from the portal.") % {"title": submission.title}
    notify(users=[submission.author], submission=submission, text=text)
    return submission
