"""Who someone is for one submission (author, section editor, editor-in-chief, fact-checker)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chaikhana.portal.models import PortalRole, Submission
from chaikhana.portal.workflow import EDITORS, EDITORS_AND_CHECKERS, Actor

if TYPE_CHECKING:
    from chaikhana.accounts.models import User


def actors(user: User | None, submission: Submission) -> set[Actor]:
    """Every workflow role *user* holds for *submission* (two queries at most)."""
    if user is None or not user.is_authenticated:
        return set()
    found: set[Actor] = set()
    if submission.author_id == user.pk:
        found.add(Actor.AUTHOR)
    for role in PortalRole.objects.filter(user=user).prefetch_related("sections"):
        if role.role == PortalRole.Role.EDITOR_IN_CHIEF:
            found.add(Actor.EDITOR_IN_CHIEF)
        elif role.role == PortalRole.Role.FACT_CHECKER:
            found.add(Actor.FACT_CHECKER)
        elif any(s.pk == submission.section_id for s in role.sections.all()):
            found.add(Actor.SECTION_EDITOR)
    return found


def is_editor(found: set[Actor]) -> bool:
    return bool(found & EDITORS)


def is_staff_for(found: set[Actor]) -> bool:
    """Editors and fact-checkers: they see internal notes, private sources, the identity."""
    return bool(found & EDITORS_AND_CHECKERS)


def is_desk_member(user: User | None) -> bool:
    """May open the editorial desk at all."""
    if user is None or not user.is_authenticated:
        return False
    return PortalRole.objects.filter(user=user).exists()
