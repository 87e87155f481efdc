"""The name an editor shows readers (her comments on stories are signed with it)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.core.errors import ActionError
from chaikhana.portal.models import PortalRole


@transaction.atomic
def set_readers_name(*, user: User, name: str) -> str:
    """Set the name on each of her roles (empty: "The editors"); refused to non-staff."""
    roles = PortalRole.objects.select_for_update().filter(user=user)
    if not roles.exists():
        raise PermissionDenied(_("Only the portal's staff have a name at the desk."))
    name = " ".join(name.split())
    if name.casefold() == user.get_username().casefold():
        raise ActionError(
            _("Choose a name other than your username: readers never see that one."),
            field="display_name",
        )
    roles.update(display_name=name[:100])
    return name
