"""What a reader sees around a story: the editors' verification, its other languages, and
what a shared link to it shows."""

from __future__ import annotations

from django import template
from django.db.models import Prefetch
from django.urls import reverse

from chaikhana.blogs.models import Post
from chaikhana.core import network_settings
from chaikhana.core.sharing import Share, share_image
from chaikhana.core.templatetags.share import share_meta
from chaikhana.core.urls import absolute_url
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


@register.inclusion_tag("core/_share.html", takes_context=True)
def share_story(context: template.Context, story: Post) -> dict[str, object]:
    """A story as a news article of the network: its public byline, nothing that leads to a
    writer's post or blog (a pseudonymous story's card shows the network's name too)."""
    alternates = [(v.language, absolute_url(v.url)) for v in story_versions(context, story)]
    share = Share(
        title=story.title,
        url=reverse("portal:story", kwargs={"slug": story.slug}),
        site_name=network_settings.network_name(),
        description=story.summary,
        kind="article",
        image=share_image(story),
        published=story.published_at,
        modified=story.updated_at,
        schema="NewsArticle",
        author=story.byline,
        language=story.language,
        alternates=alternates,
    )
    return share_meta(share)
