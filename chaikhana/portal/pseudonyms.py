"""A story under a pseudonym keeps no trace of the post it came from in its own address.

The original's slug would find the original (and its blog and pen name) by a search for
the address, so the story gets its own: the editors' headline when they changed it, never
the original's words alone, plus a short random part that nobody can derive from either.
"""

from __future__ import annotations

import secrets
import string
from typing import TYPE_CHECKING

from chaikhana.core.translit import slugify

if TYPE_CHECKING:
    from chaikhana.portal.models import Submission

_ALPHABET = string.ascii_lowercase + string.digits
RANDOM_PART = 6  # 36**6 ≈ 2·10⁹: not worth guessing, still short enough to read aloud


def unlinked_slug(*, headline: str, original_title: str) -> str:
    """``<headline>-<random>``, or ``story-<random>`` while the headline is the original's."""
    own = headline.strip() and headline.strip().casefold() != original_title.strip().casefold()
    base = slugify(headline, max_length=60) if own else ""
    random_part = "".join(secrets.choice(_ALPHABET) for _ in range(RANDOM_PART))
    return f"{base or 'story'}-{random_part}"


def unlinked_slug_for(submission: Submission, headline: str) -> str:
    """The story's own address for *headline*, compared with the original it came from."""
    original_title = submission.original.title if submission.original else ""
    return unlinked_slug(headline=headline, original_title=original_title)
