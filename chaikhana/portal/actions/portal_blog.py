"""The portal blog, whose posts are the stories.

The desk gives nobody a membership of it: its stories change only through the desk's
actions (portal/actions), which check sections, assignments and the fact-check before
calling blogs' editorial actions; blogs refuses every member of an editorial blog.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from chaikhana.blogs.models import Blog

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
