"""What an import remembers: each WordPress object it brought (for re-runs and old links),
and each run started from the dashboard (file, progress, report)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.models import Blog, Post
from chaikhana.core.private import private_storage


class ImportedItemQuerySet(models.QuerySet["ImportedItem"]):
    def for_blog(self, blog: Blog) -> ImportedItemQuerySet:
        return self.filter(blog=blog)


class ImportedItem(models.Model):
    """One WordPress object brought into a blog, keyed by its id in the export.

    Re-running an import finds the row by (blog, kind, key) and updates instead of duplicating.
    WordPress-only metadata (sticky, password, post format, original link, guid) lives in
    ``data``: Post's fields belong to the blogs app.
    """

    class Kind(models.TextChoices):
        POST = "post", _("Post or page")
        ATTACHMENT = "attachment", _("Attachment")
        CATEGORY = "category", _("Category")
        TAG = "tag", _("Tag")
        COMMENT = "comment", _("Comment")
        LINKBACK = "linkback", _("Pingback or trackback")

    blog = models.ForeignKey(Blog, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    # The WordPress id (posts, comments) or nicename (terms): unique per blog and kind.
    key = models.CharField(max_length=200)
    wp_id = models.BigIntegerField(null=True, blank=True)  # ?p=N, ?page_id=N, /archives/N
    wp_name = models.CharField(max_length=200, blank=True)  # post_name or term nicename
    old_path = models.CharField(max_length=500, blank=True)  # the permalink, from the blog root
    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    object_id = models.BigIntegerField(null=True, blank=True)  # category, tag, comment, media…
    data: models.JSONField[dict[str, Any]] = models.JSONField(default=dict, blank=True)

    objects = ImportedItemQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["blog", "kind", "key"], name="one_import_per_wp_object")
        ]
        indexes = [
            models.Index(fields=["blog", "wp_id"]),
            models.Index(fields=["blog", "wp_name"]),
            models.Index(fields=["blog", "old_path"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"


class ImportRun(models.Model):
    """A file uploaded from the dashboard (WXR, or LiveJournal entries and comments) and its
    import, done by a background task. The files are kept in private storage: an export holds
    private posts and email addresses."""

    class Kind(models.TextChoices):
        WXR = "wxr", _("WordPress")
        LIVEJOURNAL = "livejournal", _("LiveJournal")

    class State(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    blog = models.ForeignKey(Blog, on_delete=models.CASCADE, related_name="+")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.WXR)
    file = models.FileField(upload_to="imports/", storage=private_storage, max_length=255)
    # LiveJournal: the comment files' names in private storage (comment_meta, comment_body).
    extra_files: models.JSONField[list[str]] = models.JSONField(default=list, blank=True)
    fetch_media = models.BooleanField(default=True)
    state = models.CharField(max_length=8, choices=State.choices, default=State.WAITING)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    report: models.JSONField[dict[str, Any]] = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"import into {self.blog_id} ({self.state})"


class UserExport(models.Model):
    """A person's data zip, built by a background task when too large to build while she
    waits; kept in private storage and handed only to her."""

    class State(models.TextChoices):
        WAITING = "waiting", _("Being prepared")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=8, choices=State.choices, default=State.WAITING)
    file = models.FileField(upload_to="exports/", storage=private_storage, max_length=255)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"export of {self.user_id} ({self.state})"
