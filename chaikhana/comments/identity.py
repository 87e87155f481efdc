"""Who a commenter is on the page, and the signed tokens that stand in for a guest's account.

A guest has no account, so what she posted is remembered in a signed cookie of comment ids:
it lets her see her own comment waiting for approval and edit or delete it for a few
minutes. Unsubscribing from reply mail uses a signed token in the mail's link.
"""

from __future__ import annotations

import unicodedata

from django.core import signing
from django.http import HttpRequest, HttpResponse

from chaikhana.accounts.models import User
from chaikhana.blogs.access import membership_of
from chaikhana.blogs.models import Blog, Membership, Post
from chaikhana.comments import editorial

COOKIE = "chaikhana_comments"
COOKIE_SALT = "comments.own"
COOKIE_AGE = 7 * 24 * 3600  # long enough to see a comment through moderation
COOKIE_MAX_IDS = 20
UNSUBSCRIBE_SALT = "comments.unsubscribe"


def shown_name(user: User, post: Post) -> str:
    """Her pen name on the post's blog if she is a member, else her display name; never a
    username.

    On an editorial blog (the portal) the desk names its people: staff as "The editors" or
    the name they chose, the writer of a story under a pseudonym by that pseudonym, never
    by a pen name that would lead to her blog.
    """
    if post.blog.is_editorial:
        return editorial.name_on(user, post) or user.public_name
    membership = membership_of(user, post.blog)
    return membership.pen_name if membership is not None else user.public_name


def _comparable(name: str) -> str:
    # Case, width and spacing do not make another name to a reader: "ANNA", "anna ", "Ａｎｎａ".
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def is_writers_name(blog: Blog, name: str) -> bool:
    """Whether *name* is one of *blog*'s members' pen names (ignoring case and spacing).

    A guest may not comment as the blog's own writer: readers would take her words for the
    writer's. Compared in Python, since SQLite folds the case of ASCII letters only.
    """
    wanted = _comparable(name)
    pen_names = Membership.objects.filter(blog=blog).values_list("pen_name", flat=True)
    return any(_comparable(pen_name) == wanted for pen_name in pen_names)


def own_comment_ids(request: HttpRequest) -> frozenset[int]:
    """The comments this browser posted as a guest (from the signed cookie)."""
    raw = request.get_signed_cookie(COOKIE, default="", salt=COOKIE_SALT, max_age=COOKIE_AGE)
    return frozenset(int(part) for part in str(raw).split(",") if part.isdigit())


def remember_comment(request: HttpRequest, response: HttpResponse, comment_id: int) -> None:
    """Add *comment_id* to the browser's signed cookie (newest first, a few at most)."""
    ids = [comment_id, *sorted(own_comment_ids(request), reverse=True)][:COOKIE_MAX_IDS]
    response.set_signed_cookie(
        COOKIE,
        ",".join(str(i) for i in ids),
        salt=COOKIE_SALT,
        max_age=COOKIE_AGE,
        httponly=True,
        samesite="Lax",
    )


def unsubscribe_token(comment_id: int) -> str:
    return signing.dumps(comment_id, salt=UNSUBSCRIBE_SALT)


def comment_id_from_token(token: str) -> int | None:
    """The comment a (never-expiring) unsubscribe token names; None when forged."""
    try:
        value = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None
