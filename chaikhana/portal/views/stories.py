"""A portal story's own address: the text, its corrections, or 410 once withdrawn."""

from __future__ import annotations

from csp.decorators import csp_replace
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from chaikhana.accounts.models import User
from chaikhana.core.csp import POST_PAGE
from chaikhana.portal import permissions
from chaikhana.portal.models import Correction, Section, Submission


@csp_replace(POST_PAGE)  # type: ignore[arg-type]  # a story page loads no script: none may run
def story(request: HttpRequest, slug: str) -> HttpResponse:
    submission = (
        Submission.objects.select_related("story__blog", "original__blog", "section")
        .filter(story__slug=slug, story__blog__name="portal")
        .first()
    )
    if submission is None or submission.story is None:
        raise Http404
    if submission.unpublished_at is not None:
        # Gone, not missing: the record stays and readers learn why.
        return render(request, "portal/story_gone.html", {"submission": submission}, status=410)
    if not submission.story.is_public:
        raise Http404
    corrections = Correction.objects.filter(story=submission.story)
    context = {
        "submission": submission,
        "story": submission.story,
        "corrections": corrections,
        "sections": Section.objects.all(),
        # Her way back to the desk's tools for this story (withdraw, translations, revisions).
        "editor": isinstance(request.user, User)
        and permissions.is_editor(permissions.actors(request.user, submission)),
    }
    return render(request, "portal/story.html", context)


def withdrawn_at_blog_address(request: HttpRequest, slug: str) -> HttpResponse:
    """/@portal/<slug>/ of a withdrawn story (the URL converter let only those through)."""
    submission = Submission.objects.filter(story__slug=slug, story__blog__name="portal").first()
    if submission is None:  # deleted between resolving and answering
        raise Http404
    return render(request, "portal/story_gone.html", {"submission": submission}, status=410)
