"""Does a change to a blog show on the network's pages (portal, directory, network feeds)?

Only what those pages print about a blog counts: its address, title, tagline, language and
whether it is listed. A theme or custom CSS change leaves the network's pages cached.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache

from chaikhana.blogs.models import Blog
from chaikhana.reading.cache.keys import VERSION

NETWORK_FIELDS = ("name", "title", "tagline", "language", "visibility", "is_active")


def network_face(blog: Blog) -> tuple[str, ...]:
    # str(): a field set from a TextChoices member and one loaded from the row must agree.
    return tuple(str(getattr(blog, field)) for field in NETWORK_FIELDS)


def network_fields_changed(blog: Blog) -> bool:
    """Compare with what was seen last time (after a commit only, so a rollback cannot
    teach it a state that never existed); unknown counts as changed."""
    key = f"pc:{VERSION}:blogface:{blog.pk}"
    face = hashlib.sha256(repr(network_face(blog)).encode()).hexdigest()
    if cache.get(key) == face:
        return False
    cache.set(key, face, timeout=None)
    return True
