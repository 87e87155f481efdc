"""Creating blogs, changing their settings, and who belongs to them."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs import permissions, signals
from chaikhana.blogs.access import membership_of
from chaikhana.blogs.models import Blog, Membership
from chaikhana.blogs.roles import Role
from chaikhana.blogs.validators import validate_blog_name
from chaikhana.core import network_settings
from chaikhana.core.errors import ActionError
from chaikhana.core.translit import slugify

BLOG_SETTINGS = {
    "title",
    "tagline",
    "language",
    "theme",
    "visibility",
    "custom_css",
    "feed_full_text",
    "feed_items",
}


def _require_owner(blog: Blog, by: User) -> Membership:
    membership = membership_of(by, blog)  # handles a signed-out visitor too
    if not permissions.can_manage_blog(membership):
        raise PermissionDenied(_("Only the blog's owner may do this."))
    assert membership is not None
    return membership


def _author_slug(blog: Blog, pen_name: str, exclude_pk: int | None = None) -> str:
    base = slugify(pen_name) or "author"
    others = Membership.objects.filter(blog=blog, slug__startswith=base)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    taken = set(others.values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def create_blog(
    *,
    owner: User,
    name: str,
    title: str,
    pen_name: str,
    language: str,
    tagline: str = "",
    theme: str = "",
    visibility: str = Blog.Visibility.PUBLIC,
) -> Blog:
    """Create a blog owned by *owner*, who writes on it as *pen_name*."""
    owned = Membership.objects.filter(user=owner, role=Role.OWNER).count()
    if owned >= network_settings.blog_limit(owner.pk):
        raise ActionError(
            _("You already have %(count)d blogs, the most this network allows.") % {"count": owned}
        )
    return create_blog_for_migration(
        owner=owner,
        name=name,
        title=title,
        pen_name=pen_name,
        language=language,
        tagline=tagline,
        theme=theme,
        visibility=visibility,
    )


@transaction.atomic
def create_blog_for_migration(
    *,
    owner: User,
    name: str,
    title: str,
    pen_name: str,
    language: str,
    tagline: str = "",
    theme: str = "",
    visibility: str = Blog.Visibility.PUBLIC,
) -> Blog:
    """Create a blog as the network's administrator does from the command line.

    The self-service blog limit is not hers: a network migration imports hundreds of blogs.
    """
    try:
        # The form checks too, but imports and APIs create blogs without one.
        validate_blog_name(name)
    except ValidationError as error:
        raise ActionError(error.messages[0], field="name") from error
    if Blog.objects.filter(name=name).exists():
        raise ActionError(_("This address is taken. Please choose another."), field="name")
    blog = Blog.objects.create(
        name=name,
        title=title,
        tagline=tagline,
        language=language,
        theme=theme or network_settings.current().default_theme,
        visibility=visibility,
    )
    Membership.objects.create(
        blog=blog, user=owner, role=Role.OWNER, pen_name=pen_name, slug=_author_slug(blog, pen_name)
    )
    return blog


@transaction.atomic
def update_blog(*, blog: Blog, by: User, **changes: Any) -> Blog:
    """Change a blog's settings (title, tagline, language, theme, visibility, CSS, feeds)."""
    _require_owner(blog, by)
    unknown = set(changes) - BLOG_SETTINGS
    if unknown:
        raise TypeError(f"not blog settings: {sorted(unknown)}")
    for field, value in changes.items():
        setattr(blog, field, value)
    blog.save(update_fields=[*changes, "updated_at"])
    transaction.on_commit(lambda: signals.blog_changed.send(Blog, blog_id=blog.pk))
    return blog


@transaction.atomic
def delete_blog(*, blog: Blog, by: User) -> None:
    """Delete a blog with everything in it."""
    _require_owner(blog, by)
    blog_id = blog.pk
    blog.delete()
    transaction.on_commit(lambda: signals.blog_changed.send(Blog, blog_id=blog_id))


@transaction.atomic
def add_member(*, blog: Blog, by: User, user: User, role: str, pen_name: str) -> Membership:
    _require_owner(blog, by)
    if Membership.objects.filter(blog=blog, user=user).exists():
        raise ActionError(_("This person is already a member of the blog."), field="username")
    membership = Membership.objects.create(
        blog=blog, user=user, role=role, pen_name=pen_name, slug=_author_slug(blog, pen_name)
    )
    _announce_role(membership, by=by, old=None, new=role)
    return membership


def _announce_role(membership: Membership, *, by: User, old: str | None, new: str | None) -> None:
    """Tell listeners (the network's audit log) after commit; ids only, the row may be gone."""
    kwargs = {"blog_id": membership.blog_id, "user_id": membership.user_id, "by_id": by.pk}
    send = partial(signals.member_role_changed.send, Membership, **kwargs)
    transaction.on_commit(partial(send, old_role=old, new_role=new))


def _guard_last_owner(membership: Membership) -> None:
    if membership.role != Role.OWNER:
        return
    owners = Membership.objects.filter(blog=membership.blog, role=Role.OWNER).count()
    if owners <= 1:
        raise ActionError(_("A blog needs at least one owner. Make someone else owner first."))


@transaction.atomic
def change_member(
    *, membership: Membership, by: User, role: str | None = None, pen_name: str | None = None
) -> Membership:
    """Change a member's role (owners only) or pen name (owners, or the member herself)."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if role is not None and role != membership.role:
        _require_owner(membership.blog, by)
        _guard_last_owner(membership)
        _announce_role(membership, by=by, old=membership.role, new=role)
        membership.role = role
    if pen_name is not None and pen_name != membership.pen_name:
        if membership.user_id != by.pk:
            _require_owner(membership.blog, by)
        membership.pen_name = pen_name
        membership.slug = _author_slug(membership.blog, pen_name, exclude_pk=membership.pk)
        membership.posts.update(byline=pen_name)
    membership.save()
    return membership


@transaction.atomic
def remove_member(*, membership: Membership, by: User) -> None:
    """Remove a member; her posts stay with the blog under the byline they carry."""
    if membership.user_id != by.pk:
        _require_owner(membership.blog, by)
    _guard_last_owner(membership)
    _announce_role(membership, by=by, old=membership.role, new=None)
    membership.delete()
