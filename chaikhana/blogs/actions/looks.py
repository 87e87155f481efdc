"""How a blog looks: its theme and the owner's options on top of it."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs import signals
from chaikhana.blogs.actions.blogs import _require_owner
from chaikhana.blogs.models import Blog
from chaikhana.blogs.themes import THEMES, validate_accent
from chaikhana.core.errors import ActionError


@transaction.atomic
def set_blog_look(
    *,
    blog: Blog,
    by: User,
    theme: str,
    accent_color: str = "",
    header_image: str = "",
    layout_width: str = Blog.Width.THEME,
    list_layout: str = Blog.ListLayout.THEME,
) -> Blog:
    """Give *blog* a theme and its options; every page of the blog shows them at once."""
    _require_owner(blog, by)
    if theme not in THEMES:
        raise ActionError(_("There is no such theme."), field="theme")
    if layout_width not in Blog.Width.values or list_layout not in Blog.ListLayout.values:
        raise ActionError(_("There is no such layout."))
    try:
        accent_color = validate_accent(accent_color, THEMES[theme])
    except ValidationError as error:
        raise ActionError(error.messages[0], field="accent_color") from error
    blog.theme, blog.accent_color, blog.header_image = theme, accent_color, header_image[:500]
    blog.layout_width, blog.list_layout = layout_width, list_layout
    changed = ["theme", "accent_color", "header_image", "layout_width", "list_layout"]
    blog.save(update_fields=[*changed, "updated_at"])
    transaction.on_commit(lambda: signals.blog_changed.send(Blog, blog_id=blog.pk))
    return blog
