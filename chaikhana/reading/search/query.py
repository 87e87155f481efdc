"""search_posts(): the one way to search, whichever backend the database has.

Three queries a page, however many results: the count, the page's ids (ranked by the
backend), and the page's documents with their posts and blogs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.paginator import Page, Paginator
from django.utils import timezone
from django.utils.safestring import SafeString

from chaikhana.blogs.models import Blog, Post
from chaikhana.reading.search.analysis import ParsedQuery, parse_query
from chaikhana.reading.search.backends import backend
from chaikhana.reading.search.models import SearchDocument
from chaikhana.reading.search.snippets import highlight, snippet

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from chaikhana.accounts.models import User

RESULTS_PER_PAGE = 10


@dataclass(frozen=True)
class SearchHit:
    post: Post
    title_html: SafeString
    snippet_html: SafeString


@dataclass
class SearchResults:
    query: ParsedQuery
    page: Page | None = None  # None when there was nothing to search for
    hits: list[SearchHit] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.page.paginator.count if self.page is not None else 0


def visible_documents(*, blog: Blog | None, user: User | None) -> QuerySet[SearchDocument]:
    """Documents of published posts the reader may find here.

    Across the network: listed (public) blogs only. Within a blog: that blog, if the reader
    may read it — unlisted blogs to anyone with the address, private ones to members.
    """
    now = timezone.now()
    documents = SearchDocument.objects.filter(
        post__status=Post.Status.PUBLISHED, post__published_at__lte=now
    )
    if blog is None:
        return documents.filter(blog__in=Blog.objects.listed())
    return documents.filter(blog=blog, blog__in=Blog.objects.readable_by(user))


def _hits(query: ParsedQuery, ids: list[int]) -> list[SearchHit]:
    documents = (
        SearchDocument.objects.select_related("post__blog", "post__author")
        .defer("vector", "post__body_source", "post__body_html")
        .in_bulk(ids)
    )
    stems = query.all_stems()
    return [
        SearchHit(
            post=doc.post,
            title_html=highlight(doc.title, doc.language, stems),
            snippet_html=snippet(doc.body, doc.language, stems),
        )
        for doc in (documents[pk] for pk in ids if pk in documents)
    ]


def search_posts(
    raw_query: str, *, blog: Blog | None = None, user: User | None = None, page: int | str = 1
) -> SearchResults:
    """One page of results for what a reader typed, best first.

    Raises django.core.paginator.InvalidPage for a page that is not a number or past the
    end (views answer 404). A query with no words in it finds nothing, without an error.
    """
    query = parse_query(raw_query)
    if not query.words:
        return SearchResults(query=query)
    matches = backend().matches(query, visible_documents(blog=blog, user=user))
    found = Paginator(matches, RESULTS_PER_PAGE).page(page)
    return SearchResults(query=query, page=found, hits=_hits(query, list(found.object_list)))
