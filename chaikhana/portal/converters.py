"""A URL converter that matches only the slug of a withdrawn portal story."""

from __future__ import annotations

from chaikhana.portal.models import Submission


class WithdrawnStorySlug:
    """Django tries the next pattern when to_python raises ValueError, so /@portal/<slug>/
    stays blogs' page for every post but a withdrawn story (one indexed query)."""

    regex = "[-a-zA-Z0-9_]+"

    def to_python(self, value: str) -> str:
        withdrawn = Submission.objects.filter(
            story__slug=value, story__blog__name="portal", unpublished_at__isnull=False
        )
        if not withdrawn.exists():
            raise ValueError(value)
        return value

    def to_url(self, value: str) -> str:
        return value
