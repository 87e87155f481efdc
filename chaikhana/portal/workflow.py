"""The editorial workflow in one table: which role may move a submission from which state
to which. `actions.workflow.transition` is the only code that consults it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    AWAITING_AUTHOR = "awaiting_author", _("Awaiting the author's consent")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    FACT_CHECK = "fact_check", _("Fact-check")
    READY = "ready", _("Ready")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
    RETURNED = "returned", _("Returned to the author")
    DECLINED = "declined", _("Declined")


class Actor(models.TextChoices):
    """Who someone is *for one submission*: the same person may be several."""

    AUTHOR = "author", _("author")
    SECTION_EDITOR = "section_editor", _("section editor")
    EDITOR_IN_CHIEF = "editor_in_chief", _("editor-in-chief")
    FACT_CHECKER = "fact_checker", _("fact-checker")


S, A = State, Actor
EDITORS = frozenset({A.SECTION_EDITOR, A.EDITOR_IN_CHIEF})
EDITORS_AND_CHECKERS = EDITORS | {A.FACT_CHECKER}

TRANSITIONS: dict[tuple[State, State], frozenset[Actor]] = {
    # A pick: the author decides whether her post goes further.
    (S.AWAITING_AUTHOR, S.SUBMITTED): frozenset({A.AUTHOR}),
    (S.AWAITING_AUTHOR, S.DECLINED): frozenset({A.AUTHOR}),
    (S.SUBMITTED, S.IN_REVIEW): EDITORS,
    (S.SUBMITTED, S.RETURNED): EDITORS,
    (S.SUBMITTED, S.DECLINED): EDITORS,
    (S.IN_REVIEW, S.FACT_CHECK): EDITORS,
    (S.IN_REVIEW, S.RETURNED): EDITORS,
    (S.IN_REVIEW, S.DECLINED): EDITORS,
    # Facts before opinions: a story reaches "ready" only through the fact-check.
    (S.FACT_CHECK, S.READY): EDITORS_AND_CHECKERS,
    (S.FACT_CHECK, S.IN_REVIEW): EDITORS_AND_CHECKERS,
    (S.FACT_CHECK, S.RETURNED): EDITORS,
    (S.FACT_CHECK, S.DECLINED): EDITORS,
    (S.READY, S.PUBLISHED): EDITORS,
    (S.READY, S.SCHEDULED): EDITORS,
    (S.READY, S.IN_REVIEW): EDITORS,
    (S.SCHEDULED, S.PUBLISHED): EDITORS,
    (S.SCHEDULED, S.READY): EDITORS,
    # The author revises her post and sends it again.
    (S.RETURNED, S.SUBMITTED): frozenset({A.AUTHOR}),
    (S.RETURNED, S.DECLINED): EDITORS,
}

# Open: still moving through the desk; one per original post (a database constraint too).
CLOSED = frozenset({S.DECLINED})


def allowed(from_state: str, to_state: str) -> frozenset[Actor]:
    """The roles that may make this move (empty: nobody)."""
    return TRANSITIONS.get((State(from_state), State(to_state)), frozenset())


def next_states(from_state: str, actors: set[Actor]) -> list[State]:
    """Where these actors may take a submission from *from_state* (for buttons)."""
    return [to for (frm, to), roles in TRANSITIONS.items() if frm == from_state and roles & actors]
