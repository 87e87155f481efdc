"""Search pages: /search/ across the network's listed blogs, /@blog/search/ within one."""

from __future__ import annotations

from typing import Any

from django.core.paginator import InvalidPage
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from chaikhana.blogs.models import Blog
from chaikhana.blogs.views.common import reader_blog, render_blog_page
from chaikhana.reading.search.analysis import MAX_QUERY_CHARS
from chaikhana.reading.search.query import SearchResults, search_posts


def _results(request: HttpRequest, blog: Blog | None) -> dict[str, Any]:
    user = request.user if request.user.is_authenticated else None
    try:
        results = search_posts(
            request.GET.get("q", ""), blog=blog, user=user, page=request.GET.get("page") or 1
        )
    except InvalidPage as error:
        raise Http404(_("There is no such page.")) from error
    return {"results": results, "notice": _notice(results), "max_chars": MAX_QUERY_CHARS}


def _notice(results: SearchResults) -> str:
    """What to tell a reader about her query before the results, if anything."""
    if not results.query.text:
        return _("Type a word or two to search for.")
    if not results.query.words:
        return _("Your search has no words in it. Search with letters or digits.")
    if results.query.truncated:
        return _("Your search was long, so only its first %(count)d characters were used.") % {
            "count": MAX_QUERY_CHARS
        }
    return ""


def network_search(request: HttpRequest) -> HttpResponse:
    """/search/?q=…: published posts of every listed blog."""
    return render(request, "reading/search.html", _results(request, None))


def blog_search(request: HttpRequest, blog: str | None = None) -> HttpResponse:
    """/@blog/search/?q=…: this blog's published posts, for whoever may read the blog."""
    the_blog, _membership = reader_blog(request, blog)
    return render_blog_page(
        request, "reading/search_blog.html", the_blog, _results(request, the_blog)
    )
