"""Story translations: link a story to another language version, and list a story's versions
for ``hreflang`` links and the language switcher."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Post
from chaikhana.core.errors import ActionError
from chaikhana.portal import permissions
from chaikhana.portal.models import StoryTranslation, Submission

Status = StoryTranslation.Status


@dataclass(frozen=True)
class Version:
    language: str
    name: str  # the language's own name ("Кыргызча"), as a switcher shows it
    url: str
    current: bool


@transaction.atomic
def link_translation(
    *, story: Post, translation: Post, by: User, status: str = Status.PUBLISHED
) -> StoryTranslation:
    """Make *translation* a version of *story* in its own language.

    Both stories change (each gains the other's links), so she must edit both sections.
    """
    if story.pk == translation.pk or not (
        story.blog.is_editorial and translation.blog.is_editorial
    ):
        raise ActionError(_("Link two different portal stories."), field="translation")
    submissions = []
    for one in (story, translation):
        submission = Submission.objects.filter(story=one).select_related("section").first()
        if submission is None or not permissions.is_editor(permissions.actors(by, submission)):
            raise PermissionDenied(
                _("Only the editors of both stories' sections link them as translations.")
            )
        submissions.append(submission)
    guard_one_pseudonym(*submissions)
    if status not in Status.values:
        raise ActionError(_("Choose a status."), field="status")
    head, _created = StoryTranslation.objects.get_or_create(
        story=story,
        defaults={"group": story.pk, "language": story.language, "status": Status.PUBLISHED},
    )
    if (
        StoryTranslation.objects.filter(group=head.group, language=translation.language)
        .exclude(story=translation)
        .exists()
    ):
        raise ActionError(_("This story already has a version in that language."))
    row, _created = StoryTranslation.objects.update_or_create(
        story=translation,
        defaults={"group": head.group, "language": translation.language, "status": status},
    )
    return row


def guard_one_pseudonym(*submissions: Submission) -> None:
    """Refuse a pseudonym on one version of a story and another byline on a linked one."""
    # Versions link to each other: a version under her pen name would lead readers from
    # the pseudonymous one to her post and blog.
    if any(s.is_pseudonymous for s in submissions) and len({s.byline for s in submissions}) > 1:
        raise ActionError(
            _("A story under a pseudonym links only to versions signed with the same pseudonym."),
            field="translation",
        )


def other_versions(story: Post) -> list[Submission]:
    """The submissions behind the versions linked with *story* (drafts included)."""
    group = StoryTranslation.objects.filter(story=story).values("group")
    others = StoryTranslation.objects.filter(group__in=group).exclude(story=story)
    return list(Submission.objects.filter(story__in=others.values("story")))


def linked(story: Post) -> list[StoryTranslation]:
    """Every version linked with *story*, drafts included, for the editors (1 query)."""
    return list(
        StoryTranslation.objects.filter(
            group__in=StoryTranslation.objects.filter(story=story).values("group")
        )
        .select_related("story")
        .order_by("language")
    )


def versions(story: Post) -> list[Version]:
    """The published versions of *story* (itself included), or [] when it has none (1 query)."""
    rows = list(
        StoryTranslation.objects.filter(
            group__in=StoryTranslation.objects.filter(story=story).values("group"),
            status=Status.PUBLISHED,
            story__status=Post.Status.PUBLISHED,
        )
        .select_related("story")
        .order_by("language")
    )
    if len(rows) < 2:
        return []
    return [
        Version(
            language=row.language,
            name=get_language_info(row.language)["name_local"],
            url=reverse("portal:story", kwargs={"slug": row.story.slug}),
            current=row.story_id == story.pk,
        )
        for row in rows
    ]
