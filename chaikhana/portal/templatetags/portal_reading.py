"""What a reader sees around a story: the editors' verification, and its other languages."""

from __future__ import annotations

from django import template
from django.db.models import Prefetch

from chaikhana.blogs.models import Post
from chaikhana.portal.models import Source, Submission
from chaikhana.portal.translations import Version, versions
from chaikhana.portal.workflow import State

register = template.Library()


@register.inclusion_tag("portal/_verified.html")
def story_verification(submission: Submission) -> dict[str, object]:
    """ "Verified by the editors" and the claims with verdicts; public sources only."""
    if submission.state != State.PUBLISHED:
        return {"verified": False}
    public = Prefetch("sources", queryset=Source.objects.filter(private=False))
    claims = submission.claims.prefetch_related(public)
    return {"verified": True, "claims": claims}


@register.simple_tag(takes_context=True)
def story_versions(context: template.Context, story: Post) -> list[Version]:
    """The story's published language versions, computed once per page render."""
    key = f"_portal_versions_{story.pk}"
    if key not in context.render_context:
        context.render_context[key] = versions(story)
    return context.render_context[key]
