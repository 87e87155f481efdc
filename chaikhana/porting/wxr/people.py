"""WordPress authors → our people: an existing account only when the importer says it is the
same person, else a new pseudonymous account with the author's display name as pen name.

A file's word is never enough to attach an account: an author login "admin" must not credit
a thousand posts to the network's superuser. The dashboard and the commands recognise only
the importing owner (match_only) — or nobody; matching anyone by login and email
(match_anyone) is the administrator's explicit choice (`--merge-people`).

A new account gets no email (none is invented, and a file cannot claim an address for
someone) and no usable password: the network's administrator hands it over. Which existing
accounts may be matched is the caller's choice: the command line (an administrator) matches
by login and email across the network; a dashboard upload matches only the uploader.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from chaikhana.accounts.models import User, username_key
from chaikhana.blogs.models import Blog, Membership
from chaikhana.blogs.roles import Role
from chaikhana.core.slugs import next_free_slug, unique_slug
from chaikhana.core.translit import slugify
from chaikhana.porting.wxr.records import Author

Matcher = Callable[[Author], User | None]
_NOT_USERNAME = re.compile(r"[^\w.@+-]+")


def match_anyone(author: Author) -> User | None:
    """An account with the author's login, else with her email (ignoring case)."""
    if author.login:
        user = User.objects.filter(username_key=username_key(author.login)).first()
        if user is not None:
            return user
    if author.email:
        return User.objects.filter(email__iexact=author.email).first()
    return None


def match_nobody(author: Author) -> None:
    """No existing account is anyone in the file (a command run without --owner)."""
    return None


def match_only(person: User) -> Matcher:
    """A matcher that recognises *person* alone (by login or email)."""

    def match(author: Author) -> User | None:
        same_login = author.login and username_key(author.login) == person.username_key
        same_email = author.email and person.email and author.email.lower() == person.email.lower()
        return person if same_login or same_email else None

    return match


class _TakenNames:
    """The usernames starting like *base*, compared as accounts compares them (username_key)."""

    def __init__(self, base: str) -> None:
        taken = User.objects.filter(username_key__startswith=username_key(base))
        self.keys = set(taken.values_list("username_key", flat=True))

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and username_key(name) in self.keys


def _free_username(login: str) -> str:
    base = _NOT_USERNAME.sub("", login)[:140] or "author"
    return next_free_slug(base, _TakenNames(base), max_length=150)


def new_pseudonymous_user(author: Author) -> User:
    user = User(username=_free_username(author.login), display_name=author.display_name[:100])
    user.set_unusable_password()
    user.save()
    return user


def pen_name_of(author: Author) -> str:
    return (author.display_name or author.login or "author")[:100]


@dataclass
class People:
    """The blog's members for each WordPress login (and user id, for comments)."""

    blog: Blog
    match: Matcher
    by_login: dict[str, Membership]
    by_wp_id: dict[int, Membership]
    created: int = 0

    def resolve(self, author: Author) -> Membership:
        """The member writing as *author*, made a member (and an account) if need be."""
        key = author.login.lower()
        if key in self.by_login:
            return self.by_login[key]
        with transaction.atomic():
            user = self.match(author)
            if user is None:
                user, self.created = new_pseudonymous_user(author), self.created + 1
            membership = Membership.objects.filter(blog=self.blog, user=user).first()
            if membership is None:
                membership = _join(self.blog, user, pen_name_of(author))
        self.by_login[key] = membership
        if author.author_id is not None:
            self.by_wp_id[author.author_id] = membership
        return membership


def _join(blog: Blog, user: User, pen_name: str) -> Membership:
    base = slugify(pen_name) or "author"
    slug = unique_slug(Membership.objects.filter(blog=blog), base)
    return Membership.objects.create(
        blog=blog, user=user, role=Role.AUTHOR, pen_name=pen_name, slug=slug
    )
