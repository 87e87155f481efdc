"""The portal's tables: sections and roles, submissions and their timeline, fact-checks,
the private thread, and what happens to a story after publication."""

from chaikhana.portal.models.callouts import Callout
from chaikhana.portal.models.factcheck import Checklist, Claim
from chaikhana.portal.models.figures import StoryLink, StoryView
from chaikhana.portal.models.front import CurationLog, FrontPageItem
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
from chaikhana.portal.models.translations import StoryTranslation

__all__ = [
    "Callout",
    "Checklist",
    "Claim",
    "Correction",
    "CurationLog",
    "FrontPageItem",
    "Notification",
    "PortalRole",
    "Section",
    "Source",
    "StoryLink",
    "StoryRevisionProposal",
    "StoryTranslation",
    "StoryView",
    "Submission",
    "SubmissionQuerySet",
    "ThreadMessage",
    "Transition",
]
