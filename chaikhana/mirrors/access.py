"""Fetch and check in one call: a mirror, for network staff."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _

from chaikhana.mirrors.models import Mirror
from chaikhana.network.access import access_staff


def access_mirror(user: Any, pk: int) -> Mirror:
    """The mirror *pk* for staff (403 for anyone else); 404 when there is none."""
    access_staff(user)
    if (mirror := Mirror.objects.filter(pk=pk).first()) is None:
        raise Http404(_("There is no such mirror."))
    return mirror
