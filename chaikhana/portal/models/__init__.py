"""The portal's tables: sections and roles, submissions and their timeline, fact-checks,
the private thread, and what happens to a story after publication."""

from chaikhana.portal.models.factcheck import Checklist, Claim
from chaikhana.portal.models.roles import PortalRole, Section
from chaikhana.portal.models.stories import Correction, StoryRevisionProposal
from chaikhana.portal.models.submission import (
    Notification,
    Source,
    Submission,
    SubmissionQuerySet,
    ThreadMessage,
    Transition,
)

__all__ = [
    "Checklist",
    "Claim",
    "Correction",
    "Notification",
    "PortalRole",
    "Section",
    "Source",
    "StoryRevisionProposal",
    "Submission",
    "SubmissionQuerySet",
    "ThreadMessage",
    "Transition",
]
