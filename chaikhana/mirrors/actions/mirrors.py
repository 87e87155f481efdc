"""Network staff add and remove mirror addresses, each change audited; the task records runs."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.core.errors import ActionError
from chaikhana.core.tasks import enqueue_on_commit
from chaikhana.mirrors.models import Mirror
from chaikhana.mirrors.tasks import refresh_mirror
from chaikhana.network.actions.audit import audit


@transaction.atomic
def add_mirror(*, url: str, label: str, target: str, by: User) -> Mirror:
    """List *url* on /mirrors/; when *target* is set, the network writes the copy there."""
    if Mirror.objects.filter(url=url).exists():
        raise ActionError(_("This address is listed already."), field="url")
    if target and not (target.startswith("s3://") or target.startswith("/")):
        raise ActionError(
            _("Give an absolute directory (/srv/…) or s3://bucket/prefix."), field="target"
        )
    mirror = Mirror.objects.create(url=url, label=label, target=target)
    audit(actor=by, action="mirror.added", target=mirror, details={"url": url, "target": target})
    if target:
        enqueue_on_commit(refresh_mirror, mirror_id=mirror.pk)
    return mirror


@transaction.atomic
def remove_mirror(*, mirror: Mirror, by: User) -> None:
    """Stop listing and refreshing *mirror*; the copy itself is left where it is."""
    audit(actor=by, action="mirror.removed", target=mirror, details={"url": mirror.url})
    mirror.delete()
