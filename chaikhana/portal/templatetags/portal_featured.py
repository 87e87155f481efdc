"""Template tags other apps' templates use to mention the portal (their Python never imports it)."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from chaikhana.blogs.models import Post
from chaikhana.portal.models import Submission
from chaikhana.portal.workflow import State

register = template.Library()


@register.simple_tag
def featured_on_portal(post: Post) -> str:
    """ "Featured on the portal" under an original post whose story is live.

    Never for a story under a pseudonym: that link would name the writer behind it.
    """
    submission = (
        Submission.objects.filter(
            original=post, state=State.PUBLISHED, unpublished_at=None, byline_pseudonym=""
        )
        .select_related("story")
        .first()
    )
    if submission is None or submission.story is None or not submission.story.is_public:
        return ""
    from django.urls import reverse

    url = reverse("portal:story", kwargs={"slug": submission.story.slug})
    return format_html(
        '<p class="featured"><a href="{}">{}</a></p>', url, _("Featured on the portal")
    )
