"""The search backend of the database in use: FTS5 on SQLite, tsvector on PostgreSQL.

Both modules offer the same functions: store(documents), remove(post_ids), prune(),
clear() and matches(query, visible) → count() and slices of ids, best first.
"""

from __future__ import annotations

from types import ModuleType

from django.db import connection

from chaikhana.reading.search import postgres_fts, sqlite_fts


def backend() -> ModuleType:
    return postgres_fts if connection.vendor == "postgresql" else sqlite_fts
