"""Stub: public blog pages (filled in next)."""

from django.http import HttpResponse


def _stub(request, *a, **k):
    return HttpResponse("")


blog_home = category_archive = tag_archive = author_archive = month_archive = post_detail = (
    directory
) = _stub
