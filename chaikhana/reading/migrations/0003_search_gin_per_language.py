"""PostgreSQL: one partial GIN index per indexing configuration instead of one over all rows.

Search matches each document against the query as its own language reads it
(``language = 'ru' AND vector @@ russian-query OR language = 'en' AND …``). A single GIN
index could not serve that OR: the planner scanned the table and decoded every document's
tsvector (1.2 s at 10,000 posts). With an index per branch it ORs four bitmap index scans
and never re-checks a vector. Ranking still reads the vector of every match, so where the
server has lz4 the column is compressed with it (about twice as quick to decode as pglz);
vectors stored before this migration keep pglz until ``reindex_search`` rewrites them. The
language lists must stay those of postgres_fts (CONFIGS,
PRESTEMMED). SQLite is untouched (its FTS5 table has no such index).
"""

from django.db import migrations

TABLE = "reading_searchdocument"
LANGUAGES = ("ru", "en", "ky")  # postgres_fts.CONFIGS + PRESTEMMED
OTHERS = "NOT (language IN ('ru', 'en', 'ky'))"
ALL_LANGUAGES_GIN = "reading_searchdocument_vector_gin"


def _partial_indexes() -> list[tuple[str, str]]:
    per_language = [(f"reading_search_vector_{lang}", f"language = '{lang}'") for lang in LANGUAGES]
    return [*per_language, ("reading_search_vector_other", OTHERS)]


def _has_lz4(schema_editor) -> bool:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
        )
        row = cursor.fetchone()
    return bool(row and row[0])


def per_language(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    if _has_lz4(schema_editor):
        schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN vector SET COMPRESSION lz4")
    for name, predicate in _partial_indexes():
        schema_editor.execute(
            f"CREATE INDEX {name} ON {TABLE} USING gin (vector) WHERE {predicate}"
        )
    schema_editor.execute(f"DROP INDEX IF EXISTS {ALL_LANGUAGES_GIN}")


def all_languages(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN vector SET COMPRESSION default")
    schema_editor.execute(f"CREATE INDEX {ALL_LANGUAGES_GIN} ON {TABLE} USING gin (vector)")
    for name, _predicate in _partial_indexes():
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("reading", "0002_searchdocument")]

    operations = [migrations.RunPython(per_language, all_languages, elidable=False)]
