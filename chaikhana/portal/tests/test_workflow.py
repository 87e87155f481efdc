"""The transition table, exhaustively, and the guards of the one transition action."""

from __future__ import annotations

import itertools
import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from chaikhana.blogs.models import Post
from chaikhana.core.errors import InvalidTransition
from chaikhana.portal.actions.workflow import transition
from chaikhana.portal.models import Checklist, Claim, PortalRole, Submission, Transition
from chaikhana.portal.tests.factories import person_as, staff, submission_in
from chaikhana.portal.workflow import TRANSITIONS, Actor, State

pytestmark = pytest.mark.django_db
LATER = timedelta(days=1)
TRIPLES = list(itertools.product(State, State, Actor))


class TransitionTableTests:
    @pytest.mark.parametrize(("frm", "to", "actor"), TRIPLES, ids=lambda v: str(v.value))
    def test_every_state_pair_and_role_is_allowed_exactly_as_the_table_says(self, frm, to, actor):
        submission = submission_in(frm)
        by = person_as(actor, submission)
        before = Transition.objects.count()
        if actor in TRANSITIONS.get((frm, to), ()):
            transition(submission=submission, to=to, by=by, publish_at=timezone.now() + LATER)
            submission.refresh_from_db()
            assert submission.state == to
            row = Transition.objects.get(submission=submission)
            assert (row.from_state, row.to_state, row.by) == (frm, to, by)
        else:
            with pytest.raises(InvalidTransition):
                transition(submission=submission, to=to, by=by, publish_at=timezone.now() + LATER)
            submission.refresh_from_db()
            assert submission.state == frm
            assert Transition.objects.count() == before

    def test_refusal_names_the_state_and_the_role(self):
        submission = submission_in(State.SUBMITTED)
        with pytest.raises(InvalidTransition) as refused:
            transition(submission=submission, to=State.IN_REVIEW, by=submission.author)
        assert "author" in refused.value.message and "Submitted" in refused.value.message

    def test_a_section_editor_of_another_section_may_not_review(self):
        submission = submission_in(State.SUBMITTED)
        other = staff(PortalRole.Role.SECTION_EDITOR, submission_in(State.SUBMITTED).section)
        with pytest.raises(InvalidTransition):
            transition(submission=submission, to=State.IN_REVIEW, by=other)


class TransitionSideEffectTests:
    def test_review_creates_the_editors_copy_in_the_portal_blog_bylined_to_the_blogger(self):
        submission = submission_in(State.SUBMITTED, complete=False)
        chief = staff(PortalRole.Role.EDITOR_IN_CHIEF)
        transition(submission=submission, to=State.IN_REVIEW, by=chief)
        story = Submission.objects.get(pk=submission.pk).story
        assert story.blog.name == "portal" and story.status == Post.Status.DRAFT
        assert story.title == submission.original.title
        assert story.byline == submission.author_membership.pen_name and story.author is None
        assert story.pk != submission.original.pk and story.revisions.count() == 1
        assert Checklist.objects.filter(submission=submission).exists()

    def test_publishing_makes_the_story_public_and_leaves_the_original_alone(self):
        submission = submission_in(State.READY)
        transition(
            submission=submission, to=State.PUBLISHED, by=staff(PortalRole.Role.EDITOR_IN_CHIEF)
        )
        submission.story.refresh_from_db()
        assert submission.story.is_public
        assert submission.original.blog.name != "portal"

    def test_scheduling_needs_a_future_time(self):
        submission = submission_in(State.READY)
        chief = staff(PortalRole.Role.EDITOR_IN_CHIEF)
        with pytest.raises(Exception, match="future"):
            transition(submission=submission, to=State.SCHEDULED, by=chief)
        transition(
            submission=submission, to=State.SCHEDULED, by=chief, publish_at=timezone.now() + LATER
        )
        submission.story.refresh_from_db()
        assert submission.story.status == Post.Status.SCHEDULED

    def test_ready_is_refused_naming_exactly_what_is_missing(self):
        submission = submission_in(State.FACT_CHECK)
        Checklist.objects.filter(submission=submission).update(image_rights_cleared=False)
        Claim.objects.create(submission=submission, number=1, text="a", verdict="verified")
        Claim.objects.create(submission=submission, number=2, text="b", verdict="false")
        checker = staff(PortalRole.Role.FACT_CHECKER)
        with pytest.raises(InvalidTransition) as refused:
            transition(submission=submission, to=State.READY, by=checker)
        assert (
            refused.value.message == "Not ready: Claim 2 is marked false; image rights not cleared."
        )
        submission.refresh_from_db()
        assert submission.state == State.FACT_CHECK


class ConcurrentApprovalTests:
    def test_second_editor_acting_on_a_stale_state_is_told_it_changed(self):
        submission = submission_in(State.SUBMITTED)
        first, second = staff("editor_in_chief"), staff("section_editor", submission.section)
        stale = Submission.objects.get(pk=submission.pk)
        transition(submission=submission, to=State.IN_REVIEW, by=first)
        with pytest.raises(InvalidTransition, match="Someone else moved this submission"):
            transition(submission=stale, to=State.IN_REVIEW, by=second)
        assert Transition.objects.filter(submission=submission).count() == 1
        assert Post.objects.filter(blog__name="portal").count() == 1

    @pytest.mark.django_db(transaction=True)
    def test_two_editors_approving_at_once_one_wins(self):
        if connection.vendor != "postgresql":
            pytest.skip(
                "SQLite serialises writers with one database lock; row locks need PostgreSQL"
            )
        submission = submission_in(State.READY)
        editors = [staff("editor_in_chief"), staff("section_editor", submission.section)]
        barrier, outcomes = threading.Barrier(2), []

        def approve(editor):
            copy = Submission.objects.get(pk=submission.pk)
            barrier.wait()
            try:
                transition(submission=copy, to=State.PUBLISHED, by=editor)
                outcomes.append("won")
            except InvalidTransition as refused:
                outcomes.append(refused.message)
            finally:
                connection.close()

        threads = [threading.Thread(target=approve, args=(e,)) for e in editors]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert outcomes.count("won") == 1
        assert any("Someone else moved" in o for o in outcomes)
        assert Transition.objects.filter(submission=submission).count() == 1
