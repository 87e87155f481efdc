"""Categories: created and arranged by a blog's owners and editors."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs import permissions
from chaikhana.blogs.access import membership_of
from chaikhana.blogs.models import Blog, Category, Tag
from chaikhana.core.errors import ActionError
from chaikhana.core.slugs import unique_slug
from chaikhana.core.translit import slugify


def _require_term_manager(blog: Blog, by: User) -> None:
    if not permissions.can_manage_terms(membership_of(by, blog)):
        raise PermissionDenied(_("Only the blog's owners and editors may change categories."))


def _check_parent(category: Category | None, parent: Category | None, blog: Blog) -> None:
    if parent is None:
        return
    if parent.blog_id != blog.pk:
        raise ActionError(_("Choose a category of this blog."), field="parent")
    if category is not None and _is_within(parent, category):
        raise ActionError(_("A category cannot be inside itself."), field="parent")


def _is_within(node: Category | None, category: Category) -> bool:
    """Whether *node* is *category* or below it, however deep (ancestors() stops at 20)."""
    seen: set[int] = set()
    while node is not None and node.pk not in seen:
        if node.pk == category.pk:
            return True
        seen.add(node.pk)
        node = node.parent
    return False


def _unique_slug(model: type[Category] | type[Tag], blog: Blog, name: str) -> str:
    return unique_slug(model.objects.filter(blog=blog), slugify(name) or "term")


@transaction.atomic
def create_category(*, blog: Blog, by: User, name: str, parent: Category | None = None) -> Category:
    _require_term_manager(blog, by)
    _check_parent(None, parent, blog)
    return Category.objects.create(
        blog=blog, name=name, parent=parent, slug=_unique_slug(Category, blog, name)
    )


@transaction.atomic
def update_category(
    *, category: Category, by: User, name: str, parent: Category | None
) -> Category:
    _require_term_manager(category.blog, by)
    _check_parent(category, parent, category.blog)
    category.name, category.parent = name, parent
    category.save(update_fields=["name", "parent"])
    return category


@transaction.atomic
def delete_category(*, category: Category, by: User) -> None:
    """Delete a category; its children move up to its parent, its posts keep their others."""
    _require_term_manager(category.blog, by)
    category.children.update(parent=category.parent)
    category.delete()


def tags_from_names(blog: Blog, names: list[str]) -> list[Tag]:
    """The blog's tags with these names, creating the missing ones (inside the caller's atomic)."""
    tags: dict[str, Tag] = {}
    for name in names:
        name = " ".join(name.split())[:100]
        slug = slugify(name)
        if not slug or slug in tags:
            continue
        tag, _created = Tag.objects.get_or_create(blog=blog, slug=slug, defaults={"name": name})
        tags[slug] = tag
    return list(tags.values())
