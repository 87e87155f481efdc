"""Member roles and what each may do: WordPress's meanings, in one table.

owner        everything, including the blog's settings and members
editor       all posts and pages of the blog, categories
author       own posts: write, publish, edit after publishing, delete
contributor  own drafts: write and submit for review; nothing once published
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OWNER = "owner", _("Owner")
    EDITOR = "editor", _("Editor")
    AUTHOR = "author", _("Author")
    CONTRIBUTOR = "contributor", _("Contributor")


EDITS_ALL_POSTS = {Role.OWNER, Role.EDITOR}
PUBLISHES = {Role.OWNER, Role.EDITOR, Role.AUTHOR}
MANAGES_BLOG = {Role.OWNER}
MANAGES_TERMS = {Role.OWNER, Role.EDITOR}
READS_PRIVATE_POSTS = {Role.OWNER, Role.EDITOR}
