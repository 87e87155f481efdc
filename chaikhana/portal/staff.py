"""How the portal's staff appear to readers, and who among them moderates a story's comments.

Both are answers the comments app asks for on the portal blog (comments/editorial.py),
registered in PortalConfig.ready: the portal blog has no members, its staff hold PortalRoles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from chaikhana.comments.models import Comment
from chaikhana.portal.models import PortalRole, Section, StoryTranslation, Submission

if TYPE_CHECKING:
    from chaikhana.accounts.models import User
    from chaikhana.blogs.models import Post


def readers_name(user: User) -> str | None:
    """The name she chose on the "how readers see me" page, else "The editors"; None if she
    holds no portal role. Never her username."""
    if not user.is_authenticated:
        return None
    names = list(PortalRole.objects.filter(user=user).values_list("display_name", flat=True))
    if not names:
        return None
    return next((name for name in names if name), None) or _("The editors")


def name_on(user: User, post: Post) -> str | None:
    """Her name under a story's comments: the pseudonym on her own pseudonymous story (her
    usual name there would join the two), else her name as staff, else none of ours."""
    submission = submission_of_story(post)
    if submission is not None and submission.is_pseudonymous and submission.author_id == user.pk:
        return submission.byline_pseudonym
    return readers_name(user)


def submission_of_story(post: Post) -> Submission | None:
    """The submission behind a story, or behind the story a translation belongs to."""
    head = StoryTranslation.objects.filter(story=post).values("group")
    return (
        Submission.objects.filter(story=post).first()
        or Submission.objects.filter(story__in=head).first()
    )


def moderates_comments(user: User, post: Post | None) -> bool:
    """The editor-in-chief everywhere; a section editor on her sections' stories."""
    if not user.is_authenticated:
        return False
    roles = PortalRole.objects.filter(user=user)
    if roles.filter(role=PortalRole.Role.EDITOR_IN_CHIEF).exists():
        return True
    submission = submission_of_story(post) if post is not None else None
    if submission is None:
        return False
    return Section.objects.edited_by(user).filter(pk=submission.section_id).exists()


def comments_to_moderate(user: User) -> QuerySet[Comment]:
    """Waiting comments on the stories she moderates (moderates_comments, as one query)."""
    waiting = Comment.objects.filter(
        blog__is_editorial=True, status=Comment.Status.PENDING
    ).for_queue()
    if PortalRole.objects.filter(user=user, role=PortalRole.Role.EDITOR_IN_CHIEF).exists():
        return waiting
    stories = Submission.objects.filter(section__in=Section.objects.edited_by(user))
    story_ids = stories.exclude(story=None).values("story")
    translations = StoryTranslation.objects.filter(group__in=story_ids).values("story")
    return waiting.filter(Q(post__in=story_ids) | Q(post__in=translations))
