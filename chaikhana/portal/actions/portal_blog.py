"""The portal blog (whose posts are the stories) and the staff's place in it."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog, Membership
from chaikhana.blogs.roles import Role
from chaikhana.core.translit import slugify

# Reserved in blogs.validators, so no blogger can take it.
PORTAL_BLOG_NAME = "portal"


def portal_blog() -> Blog:
    """The network's portal blog, created on first use (idempotent, race-safe)."""
    blog = Blog.objects.filter(name=PORTAL_BLOG_NAME).first()
    if blog is not None:
        return blog
    try:
        with transaction.atomic():
            return Blog.objects.create(
                name=PORTAL_BLOG_NAME, title=_("The portal"), language="ru", is_editorial=True
            )
    except IntegrityError:
        return Blog.objects.get(name=PORTAL_BLOG_NAME)


def staff_membership(user: User) -> Membership:
    """An editor's membership of the portal blog, so that blogs' save_post lets her edit."""
    blog = portal_blog()
    membership = Membership.objects.filter(blog=blog, user=user).first()
    if membership is not None:
        return membership
    name = user.get_username()
    return Membership.objects.create(
        blog=blog,
        user=user,
        role=Role.EDITOR,
        pen_name=name,
        slug=slugify(f"staff-{user.pk}", max_length=100),
    )
