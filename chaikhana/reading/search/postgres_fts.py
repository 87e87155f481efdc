"""The PostgreSQL backend: a weighted tsvector per document under a GIN index.

Russian and English posts are indexed with PostgreSQL's own 'russian' and 'english'
configurations (Snowball stemmers and stop words); Kyrgyz, which PostgreSQL cannot
stem, with 'simple' over text our suffix stripper has already stemmed. A document is
matched against the query as its own language would read it, so Russian stop words in a
query ("и", "в") do not make Russian posts unfindable.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import Case, F, FloatField, Q, QuerySet, Value, When
from django.db.models.expressions import CombinedExpression

from chaikhana.reading.search.analysis import ParsedQuery, stemmed_text
from chaikhana.reading.search.models import SearchDocument

# The configuration per post language; PostgreSQL stems these itself.
CONFIGS = {"ru": "russian", "en": "english"}
PRESTEMMED = {"ky"}
FALLBACK = "simple"


def _config(language: str) -> str:
    return CONFIGS.get(language, FALLBACK)


def _indexed_text(text: str, language: str) -> str:
    return stemmed_text(text, language) if language in PRESTEMMED else text


def _vector(doc: SearchDocument) -> CombinedExpression:
    config = _config(doc.language)
    title = SearchVector(Value(_indexed_text(doc.title, doc.language)), config=config, weight="A")
    body = SearchVector(Value(_indexed_text(doc.body, doc.language)), config=config, weight="B")
    return title + body


def store(documents: Sequence[SearchDocument]) -> None:
    for doc in documents:
        doc.vector = _vector(doc)
    SearchDocument.objects.bulk_update(documents, ["vector"], batch_size=50)


def remove(post_ids: Iterable[int]) -> None:
    """Nothing to do: the vector lives in the document's own row."""


def prune() -> None:
    """Nothing to do: documents of a deleted blog went with it, vectors and all."""


def clear() -> None:
    """Nothing to do: the vectors go with the documents."""


def _query_for(query: ParsedQuery, language: str) -> SearchQuery:
    text = query.stemmed(language) if language in PRESTEMMED else " ".join(query.words)
    return SearchQuery(text, config=_config(language), search_type="plain")


def matches(query: ParsedQuery, visible: QuerySet[SearchDocument]) -> QuerySet[Any, int]:
    """The ids of matching visible documents, best first (a lazy, sliceable queryset)."""
    languages = [*CONFIGS, *PRESTEMMED]
    queries = {lang: _query_for(query, lang) for lang in languages}
    other = _query_for(query, "")
    # The language test comes first in every branch: PostgreSQL evaluates an OR's terms in
    # order, and each `vector @@` it reaches decodes the row's tsvector again.
    matched = ~Q(language__in=languages) & Q(vector=other)
    for lang, search_query in queries.items():
        matched |= Q(language=lang, vector=search_query)
    rank = Case(
        *(When(language=lang, then=SearchRank(F("vector"), q)) for lang, q in queries.items()),
        default=SearchRank(F("vector"), other),
        output_field=FloatField(),
    )
    return (
        visible.filter(matched)
        .annotate(rank=rank)
        .order_by("-rank", "-pk")
        .values_list("pk", flat=True)
    )
