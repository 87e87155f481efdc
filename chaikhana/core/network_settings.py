"""Read the network's settings row (cached) and consume invite codes, for apps below network.

Only chaikhana.network's actions write the row; they call invalidate() after commit, so
every process sees the change at its next read.
"""

from __future__ import annotations

import contextlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F

from chaikhana.core.models import BlogLimit, InviteCode, NetworkSettings

CACHE_KEY = "core:network-settings:v1"
CACHE_SECONDS = 60 * 60  # invalidated on every save; the timeout only bounds a lost delete


def current() -> NetworkSettings:
    """The settings row, or its defaults (unsaved) until staff first save it.

    Every page reads this; a cache that is down (Redis restarting) costs a database read,
    never the page.
    """
    try:
        found = cache.get(CACHE_KEY)
    except Exception:  # any backend's connection error
        return _read()
    if found is None:
        found = _read()
        with contextlib.suppress(Exception):
            cache.set(CACHE_KEY, found, CACHE_SECONDS)
    return found


def _read() -> NetworkSettings:
    return NetworkSettings.objects.filter(pk=1).first() or NetworkSettings(pk=1)


def invalidate() -> None:
    cache.delete(CACHE_KEY)


def network_name() -> str:
    return current().network_name


def offered_languages() -> list[str]:
    """Interface languages the network offers (staff choose them; all three by default)."""
    known = {code for code, _name in settings.LANGUAGES}
    return [code for code in current().language_codes if code in known]


def blog_limit(user_id: int) -> int:
    """How many blogs this person may own: her own limit if staff set one."""
    own = BlogLimit.objects.filter(user_id=user_id).values_list("blogs", flat=True).first()
    return current().blog_limit if own is None else own


def consume_invite(code: str) -> bool:
    """Use up one use of *code*; False when it is unknown, used up or expired.

    One conditional UPDATE: two sign-ups racing for the last use cannot both win, since
    the database re-checks `uses < max_uses` on the row it locks.
    """
    code = code.strip()
    if not code:
        return False
    with transaction.atomic():
        updated = InviteCode.objects.usable().filter(code=code).update(uses=F("uses") + 1)
    return updated == 1
