"""The SQLite backend: an FTS5 table of stems, ranked by BM25.

The table (migration 0001, SQLite only) has the post's id as its rowid and two columns,
the stemmed title and the stemmed text; analysis.py stems them in Python because FTS5
has no Russian or Kyrgyz stemmer. A query becomes an FTS5 expression built from plain
words only: every word is one quoted string, so nothing a reader types is an operator.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from chaikhana.reading.search.analysis import ParsedQuery, stemmed_text
from chaikhana.reading.search.models import SearchDocument

FTS_TABLE = "reading_search_fts"
# Every statement below names only this constant table; what readers type is a parameter.
# BM25 column weights: a word in the title counts as much as four in the text.
RANK = f"bm25({FTS_TABLE}, 4.0, 1.0)"


def store(documents: Sequence[SearchDocument]) -> None:
    rows = [
        (doc.pk, stemmed_text(doc.title, doc.language), stemmed_text(doc.body, doc.language))
        for doc in documents
    ]
    with connection.cursor() as cursor:
        remove_rows(cursor, [doc.pk for doc in documents])
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (%s, %s, %s)",  # noqa: S608
            rows,
        )


def remove_rows(cursor: Any, post_ids: Iterable[int]) -> None:
    sql = f"DELETE FROM {FTS_TABLE} WHERE rowid = %s"  # noqa: S608
    cursor.executemany(sql, [(pk,) for pk in post_ids])


def remove(post_ids: Iterable[int]) -> None:
    with connection.cursor() as cursor:
        remove_rows(cursor, post_ids)


def prune() -> None:
    """Forget rows whose document is gone (a deleted blog takes its documents by cascade)."""
    documents = SearchDocument._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {FTS_TABLE} WHERE rowid NOT IN (SELECT post_id FROM {documents})"  # noqa: S608
        )


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE}")  # noqa: S608


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts_expression(query: ParsedQuery) -> str:
    """Every word must match in one of its stemmings: ("журналист" OR "журналис") AND …"""
    groups = (
        "(" + " OR ".join(_quoted(v) for v in sorted(query.variants(word))) + ")"
        for word in query.words
    )
    return " AND ".join(groups)


def matches(query: ParsedQuery, visible: QuerySet[SearchDocument]) -> Matches:
    """The ids of matching visible documents, best first (counted and sliced lazily)."""
    return Matches(query, visible)


class Matches:
    """What a Paginator needs: count() and slices of ids, each one query."""

    def __init__(self, query: ParsedQuery, visible: QuerySet[SearchDocument]) -> None:
        sql, params = visible.values("pk").query.sql_with_params()
        self._where = f"{FTS_TABLE} MATCH %s AND rowid IN ({sql})"
        self._params: list[Any] = [fts_expression(query), *params]
        self._count: int | None = None

    def count(self) -> int:
        if self._count is None:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT COUNT(*) FROM {FTS_TABLE} WHERE {self._where}",  # noqa: S608
                    self._params,
                )
                self._count = int(cursor.fetchone()[0])
        return self._count

    def __getitem__(self, window: slice) -> list[int]:
        limit = (window.stop or 0) - (window.start or 0)
        sql = (
            f"SELECT rowid FROM {FTS_TABLE} WHERE {self._where} "  # noqa: S608
            f"ORDER BY {RANK}, rowid DESC LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*self._params, limit, window.start or 0])
            return [row[0] for row in cursor.fetchall()]
