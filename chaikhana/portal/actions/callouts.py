"""Calls for contributions: editors open them; the deadline closes them."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.core.errors import ActionError
from chaikhana.core.translit import slugify
from chaikhana.portal.models import Callout, PortalRole, Section, Submission


def _require_editor(by: User, section: Section) -> None:
    roles = PortalRole.objects.filter(user=by)
    if roles.filter(role=PortalRole.Role.EDITOR_IN_CHIEF).exists():
        return
    if not roles.filter(role=PortalRole.Role.SECTION_EDITOR, sections=section).exists():
        raise PermissionDenied(_("Only this section's editors and the editor-in-chief ask."))


@transaction.atomic
def publish_callout(
    *, by: User, section: Section, title: str, body: str, deadline: datetime
) -> Callout:
    """Open a call for contributions in *section* until *deadline*."""
    _require_editor(by, section)
    if not title.strip() or not body.strip():
        raise ActionError(_("Say what you are asking for, in the title and the text."))
    if deadline <= timezone.now():
        raise ActionError(_("Choose a deadline in the future."), field="deadline")
    base = slugify(title, max_length=80) or "callout"
    slug, n = base, 1
    while Callout.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return Callout.objects.create(
        title=title.strip(),
        slug=slug,
        body=body.strip(),
        section=section,
        deadline=deadline,
        published=True,
        created_by=by,
    )


@transaction.atomic
def answer_callout(*, submission: Submission, callout: Callout, by: User) -> Submission:
    """Link her submission to the call it answers (only while the call is open)."""
    if submission.author_id != by.pk:
        raise PermissionDenied(_("Only the author says which call her post answers."))
    if not callout.is_open:
        raise ActionError(_("This call for contributions is closed."), field="callout")
    submission.callout = callout
    submission.save(update_fields=["callout"])
    return submission
