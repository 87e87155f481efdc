"""Comments on an editorial blog (the portal): who signs how, and who moderates, is its desk's say.

Comments may not import the portal (it sits above comments), and the portal blog has no
members to ask: its staff hold network roles. So the portal registers its two answers at
start-up (PortalConfig.ready). Until it does, nobody moderates an editorial blog's comments
and everyone signs like any reader.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Post


@dataclass(frozen=True)
class EditorialDesk:
    # The name readers see on her comment under *post*; None when the desk has no say.
    name_on: Callable[[User, Post], str | None]
    # Whether she moderates *post*'s comments (None: every post of the blog at once).
    moderates: Callable[[User, Post | None], bool]


_desks: list[EditorialDesk] = []


def register_desk(desk: EditorialDesk) -> None:
    """Called once by the app that runs editorial blogs (idempotent across reloads)."""
    if desk not in _desks:
        _desks.append(desk)


def name_on(user: User, post: Post) -> str | None:
    return next((name for desk in _desks if (name := desk.name_on(user, post))), None)


def moderates(user: User, post: Post | None) -> bool:
    return any(desk.moderates(user, post) for desk in _desks)
