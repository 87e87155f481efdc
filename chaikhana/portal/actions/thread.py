"""The private thread of a submission between its editors and its author."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.core.errors import ActionError
from chaikhana.portal import permissions
from chaikhana.portal.actions.notify import desk_of, notify
from chaikhana.portal.models import Submission, ThreadMessage


@transaction.atomic
def post_message(
    *, submission: Submission, by: User, body: str, internal: bool = False
) -> ThreadMessage:
    """Add to the thread; internal notes reach the desk only, never the author."""
    found = permissions.actors(by, submission)
    if not found:
        raise PermissionDenied(_("This conversation is between the author and the editors."))
    if internal and not permissions.is_staff_for(found):
        raise PermissionDenied(_("Only the editors write internal notes."))
    if not body.strip():
        raise ActionError(_("Write a message."), field="body")
    message = ThreadMessage.objects.create(
        submission=submission, author=by, body=body.strip(), internal=internal
    )
    people = desk_of(submission) + ([] if internal else [submission.author])
    text = _("New message about “%(title)s”.") % {"title": submission.title}
    notify(users=[u for u in people if u.pk != by.pk], submission=submission, text=text)
    return message
