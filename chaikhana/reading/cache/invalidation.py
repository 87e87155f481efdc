"""Exact invalidation: every dependency has a generation; a stored page remembers the ones it
was rendered under and is served only while all of them are unchanged.

Bumping a generation clears exactly the pages that depend on it, on every server, in O(1).
Generations start at a random value and a missing one counts as "changed", so a generation
evicted from a small local cache and created again can never match an old page.
"""

from __future__ import annotations

import logging
import secrets

from django.core.cache import cache

from chaikhana.reading.cache import files
from chaikhana.reading.cache.keys import (
    NETWORK,
    blog_lists_dep,
    blog_settings_dep,
    generation_key,
    post_dep,
)

logger = logging.getLogger(__name__)
# Redis down, a full disk: the cache's own failures (redis-py's errors are OSErrors too,
# ConnectionError included, but not always: catch broadly at these few edges).
CACHE_ERRORS: tuple[type[BaseException], ...] = (Exception,)


def current(deps: list[str]) -> dict[str, int | None]:
    """The generations of *deps* now (None for one the cache does not hold)."""
    found = cache.get_many([generation_key(dep) for dep in deps])
    return {dep: found.get(generation_key(dep)) for dep in deps}


def ensure(deps: list[str]) -> dict[str, int]:
    """The generations of *deps*, starting the missing ones at a fresh random value.

    Read before a page is rendered: a change committed while it renders bumps a generation
    the page is then stored under, so the page is never served (no stale window).
    """
    gens = current(deps)
    for dep, value in gens.items():
        if value is None:
            cache.add(generation_key(dep), secrets.randbits(62), timeout=None)
    missing = [dep for dep, value in gens.items() if value is None]
    if missing:
        gens.update(current(missing))
    return {dep: value for dep, value in gens.items() if value is not None}


def bump(*deps: str) -> None:
    """Invalidate every page that depends on any of *deps*, and unlink their files."""
    for dep in deps:
        try:
            cache.incr(generation_key(dep))
        except ValueError:
            pass  # not in the cache: no stored page can be valid under it anyway
        except CACHE_ERRORS:
            # A write must not fail because the cache is down; its pages expire (PAGE_TTL).
            logger.exception("could not invalidate %s", dep)
    # After the increments (files.py: a writer re-reads them after linking its file).
    try:
        files.purge(*deps)
    except OSError:
        logger.exception("could not remove page files of %s", deps)


def invalidate_post(post_id: int) -> None:
    """The post's own page (a new comment, a pingback shown under it)."""
    bump(post_dep(post_id))


def invalidate_blog_lists(blog_id: int) -> None:
    """The blog's home, archives and feeds."""
    bump(blog_lists_dep(blog_id))


def invalidate_blog_settings(blog_id: int) -> None:
    """Every page of the blog: title, theme, custom CSS, authors, terms appear on all."""
    bump(blog_settings_dep(blog_id))


def invalidate_network() -> None:
    """The portal, the directory and the network's feeds."""
    bump(NETWORK)
