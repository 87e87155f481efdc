"""Background work of the portal: mailing a notification (ids only; idempotent enough)."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from chaikhana.core.urls import absolute_url
from chaikhana.portal.models import Notification


@task()
def mail_notification(*, notification_id: int) -> None:
    note = Notification.objects.select_related("user").filter(pk=notification_id).first()
    if note is None or not note.user.email or note.read_at is not None:
        return
    url = absolute_url(reverse("portal:submission", kwargs={"pk": note.submission_id}))
    # The placeholder keeps its old name so that the translations still match the msgid.
    body = _("%(text)s\n\nOpen: %(path)s") % {"text": note.text, "path": url}
    EmailMessage(
        _("Chaikhana portal: %(text)s") % {"text": note.text[:60]}, body, to=[note.user.email]
    ).send()
