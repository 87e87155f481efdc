"""Fresh planner statistics after a bulk load: an import, the demo network, a restore.

A database that just received thousands of rows still plans queries with the statistics of
an empty one: on PostgreSQL the category archive then loops over nested joins and costs as
much as the whole WordPress page (BENCHMARKS.md, issue "at the physical limit"). Autovacuum
would analyse the tables eventually; the commands that load in bulk do it at once.
"""

from __future__ import annotations

from django.db import connections

# Rows written by one load above which the statistics are refreshed (an import of a few posts
# changes nothing the planner cares about, and ANALYZE of a large network takes seconds).
BULK_ROWS = 500
# Rows SQLite samples per index (PRAGMA analysis_limit): enough for the planner, and a few
# seconds at most on a million posts.
SQLITE_ANALYSIS_LIMIT = 1000


def refresh_statistics(using: str = "default") -> None:
    """ANALYZE every table (PostgreSQL, SQLite), outside any transaction of the caller's."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")
        elif connection.vendor == "sqlite":
            cursor.execute(f"PRAGMA analysis_limit = {SQLITE_ANALYSIS_LIMIT}")
            cursor.execute("ANALYZE")
