"""The one action that moves a submission through the workflow (portal/workflow.py)."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.actions import (
    PostContent,
    create_editorial_post,
    publish_editorial_post,
    schedule_editorial_post,
    unschedule_editorial_post,
)
from chaikhana.blogs.models import Post
from chaikhana.core.errors import ActionError, InvalidTransition
from chaikhana.portal import permissions, signals
from chaikhana.portal.actions.factcheck import ready_blockers
from chaikhana.portal.actions.notify import desk_of, notify
from chaikhana.portal.actions.portal_blog import portal_blog
from chaikhana.portal.models import Checklist, Submission, Transition
from chaikhana.portal.pseudonyms import unlinked_slug
from chaikhana.portal.workflow import Actor, State, allowed


@transaction.atomic
def transition(
    *,
    submission: Submission,
    to: str,
    by: User,
    note: str = "",
    publish_at: datetime | None = None,
) -> Submission:
    """Move *submission* to *to* if *by*'s role allows it from the state she saw.

    The row is locked first: of two editors approving at once, the second finds the
    state changed under her and is told so, instead of approving twice. Returns the moved
    row; the *submission* passed in keeps the state its caller saw.
    """
    seen = submission.state
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    if locked.state != seen:
        raise InvalidTransition(
            _(
                "Someone else moved this submission to “%(state)s” while you were looking at "
                "it. Reload the page and decide again."
            )
            % {"state": State(locked.state).label}
        )
    _guard(locked, State(to), by)
    old = locked.state
    _apply(locked, State(to), by, publish_at)
    locked.state, locked.state_changed_at = to, timezone.now()
    locked.save(update_fields=["state", "state_changed_at", "story", "assigned_editor"])
    Transition.objects.create(submission=locked, from_state=old, to_state=to, by=by, note=note)
    _tell(locked, by, to, note)
    _announce(locked.pk, old, to)
    return locked


def _announce(submission_id: int, old: str, new: str) -> None:
    transaction.on_commit(
        partial(
            signals.submission_changed.send,
            Submission,
            submission_id=submission_id,
            from_state=old,
            to_state=new,
        )
    )


def _guard(submission: Submission, to: State, by: User) -> None:
    roles = allowed(submission.state, to)
    held = permissions.actors(by, submission)
    if roles & held:
        return
    current = State(submission.state).label
    if not roles:
        raise InvalidTransition(
            _("A submission that is “%(state)s” cannot become “%(to)s”.")
            % {"state": current, "to": to.label}
        )
    who = ", ".join(str(Actor(a).label) for a in sorted(held)) or _("not involved")
    raise InvalidTransition(
        _("You (%(who)s) may not move a submission from “%(state)s” to “%(to)s”.")
        % {"who": who, "state": current, "to": to.label}
    )


def _apply(submission: Submission, to: State, by: User, publish_at: datetime | None) -> None:
    """What reaching *to* does besides the state (the states themselves: portal/workflow.py)."""
    match to:
        case State.IN_REVIEW:
            _take_into_review(submission, by)
        case State.READY:
            _require_facts(submission)
            if submission.story is not None and submission.story.status == Post.Status.SCHEDULED:
                submission.story = unschedule_editorial_post(post=submission.story, by=by)
        case State.PUBLISHED:
            submission.story = publish_editorial_post(post=_story(submission), by=by)
        case State.SCHEDULED:
            at = _future(publish_at)
            submission.story = schedule_editorial_post(post=_story(submission), by=by, at=at)


def _take_into_review(submission: Submission, by: User) -> None:
    """The editors work on their own copy: a draft in the portal blog; the original stays hers."""
    Checklist.objects.get_or_create(submission=submission)
    if submission.assigned_editor_id is None:
        submission.assigned_editor = by
    if submission.story_id is not None:
        return
    original = submission.original
    if original is None:
        raise ActionError(_("The author has deleted the original post; there is nothing to edit."))
    content = PostContent(
        title=original.title,
        body_source=original.body_source,
        body_format=original.body_format,
        excerpt=original.excerpt,
        language=original.language,
        # Under a pseudonym the story must not share the original's address.
        slug=unlinked_slug(headline=original.title, original_title=original.title)
        if submission.is_pseudonymous
        else "",
    )
    # The byline is the blogger's (or the pseudonym), never the editor's.
    submission.story = create_editorial_post(
        blog=portal_blog(), by=by, content=content, byline=submission.byline
    )


def _require_facts(submission: Submission) -> None:
    blockers = ready_blockers(submission)
    if blockers:
        raise InvalidTransition(_("Not ready: %(missing)s.") % {"missing": "; ".join(blockers)})


def _story(submission: Submission) -> Post:
    if submission.story is None:
        raise ActionError(_("This submission has no story to publish yet."))
    return submission.story


def _future(publish_at: datetime | None) -> datetime:
    # Checked here too, not only by blogs: the message names the desk's own field.
    if publish_at is None or publish_at <= timezone.now():
        raise ActionError(_("Choose a publish time in the future."), field="publish_at")
    return publish_at


def _tell(submission: Submission, by: User, to: str, note: str) -> None:
    label = State(to).label
    text = _("“%(title)s” is now: %(state)s.") % {"title": submission.title, "state": label}
    if note:
        text = f"{text} {note}"
    people = [submission.author, *desk_of(submission)]
    notify(users=[u for u in people if u.pk != by.pk], submission=submission, text=text)


@transaction.atomic
def record_scheduled_publication(*, story_id: int) -> Submission | None:
    """Blogs published a scheduled story on time: its submission becomes "published" too.

    Nobody acted, so the timeline row has no person (`by` is None); idempotent.
    """
    submission = (
        Submission.objects.select_for_update()
        .filter(story_id=story_id, state=State.SCHEDULED)
        .first()
    )
    if submission is None:
        return None
    submission.state, submission.state_changed_at = State.PUBLISHED, timezone.now()
    submission.save(update_fields=["state", "state_changed_at"])
    note = _("Published at the scheduled time.")
    Transition.objects.create(
        submission=submission, from_state=State.SCHEDULED, to_state=State.PUBLISHED, note=note
    )
    text = _("“%(title)s” is now: %(state)s.") % {
        "title": submission.title,
        "state": State.PUBLISHED.label,
    }
    notify(users=[submission.author, *desk_of(submission)], submission=submission, text=text)
    _announce(submission.pk, State.SCHEDULED, State.PUBLISHED)
    return submission
