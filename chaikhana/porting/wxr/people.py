"""WordPress authors → who wrote the posts here: the importing owner, a byline, or — only
when the administrator asks — an existing account.

A file's word is never enough to create or attach an account: an author login "admin" must
not credit a thousand posts to the network's superuser, and a file must not mint accounts
with usernames it chose. The dashboard and the commands recognise only the importing owner
(match_only); every other author becomes a *byline*: her display name on the posts, with no
account, no membership and no author page behind it (the shape a post keeps when its writer
leaves the blog). Matching anyone by login and email (match_anyone) is the administrator's
explicit choice (`--merge-people`), and the command prints whom it merged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction

from chaikhana.accounts.models import User, username_key
from chaikhana.blogs.models import Blog, Membership
from chaikhana.blogs.roles import Role
from chaikhana.core.slugs import unique_slug
from chaikhana.core.translit import slugify
from chaikhana.porting.wxr.records import Author

Matcher = Callable[[Author], User | None]


def match_anyone(author: Author) -> User | None:
    """An account with the author's login, else with her email (ignoring case)."""
    if author.login:
        user = User.objects.filter(username_key=username_key(author.login)).first()
        if user is not None:
            return user
    if author.email:
        return User.objects.filter(email__iexact=author.email).first()
    return None


def match_only(person: User) -> Matcher:
    """A matcher that recognises *person* alone (by login or email)."""

    def match(author: Author) -> User | None:
        same_login = author.login and username_key(author.login) == person.username_key
        same_email = author.email and person.email and author.email.lower() == person.email.lower()
        return person if same_login or same_email else None

    return match


def pen_name_of(author: Author) -> str:
    return (author.display_name or author.login or "author")[:100]


@dataclass(frozen=True)
class Writer:
    """A file's author here: a member of the blog (with her pen name), or a byline alone."""

    member: Membership | None
    name: str


@dataclass
class People:
    """Who wrote as each WordPress login (and user id, for comments)."""

    blog: Blog
    owner: Membership  # the importing owner's membership
    match: Matcher
    by_login: dict[str, Writer] = field(default_factory=dict)
    by_wp_id: dict[int, Writer] = field(default_factory=dict)
    merged: dict[str, str] = field(default_factory=dict)  # login → existing account merged

    def resolve(self, author: Author) -> Writer:
        """The member writing as *author*, or her name as a byline when she is nobody here."""
        key = author.login.lower()
        if key not in self.by_login:
            self.by_login[key] = self._writer(author)
        writer = self.by_login[key]
        if author.author_id is not None:
            self.by_wp_id[author.author_id] = writer
        return writer

    def _writer(self, author: Author) -> Writer:
        user = self.match(author)
        if user is None:
            return Writer(member=None, name=pen_name_of(author))
        if user.pk == self.owner.user_id:
            return Writer(member=self.owner, name=self.owner.pen_name)
        self.merged[author.login] = user.get_username()
        with transaction.atomic():
            membership = Membership.objects.filter(blog=self.blog, user=user).first()
            if membership is None:
                membership = _join(self.blog, user, pen_name_of(author))
        return Writer(member=membership, name=membership.pen_name)


def _join(blog: Blog, user: User, pen_name: str) -> Membership:
    base = slugify(pen_name) or "author"
    slug = unique_slug(Membership.objects.filter(blog=blog), base)
    return Membership.objects.create(
        blog=blog, user=user, role=Role.AUTHOR, pen_name=pen_name, slug=slug
    )
