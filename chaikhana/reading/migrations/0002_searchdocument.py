"""The search index: a document per published post, plus the vendor's full-text structure.

SQLite: an FTS5 virtual table of stems (rowid = post id). PostgreSQL: a GIN index over the
document's tsvector. Each is created only on its own database (RunPython checks the
vendor), so one migration serves both; see reading/search/ and docs/architecture.md.
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

SQLITE_FTS = "CREATE VIRTUAL TABLE reading_search_fts USING fts5(title, body, tokenize='unicode61')"
POSTGRES_GIN = (
    "CREATE INDEX reading_searchdocument_vector_gin ON reading_searchdocument USING gin (vector)"
)


def create_full_text(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_FTS)
    elif vendor == "postgresql":
        schema_editor.execute(POSTGRES_GIN)


def drop_full_text(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS reading_search_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS reading_searchdocument_vector_gin")


class Migration(migrations.Migration):
    dependencies = [
        ("blogs", "0004_blog_feed_full_text"),
        ("reading", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "post",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="blogs.post",
                    ),
                ),
                ("language", models.CharField(max_length=8)),
                ("title", models.CharField(max_length=200)),
                ("body", models.TextField()),
                ("vector", django.contrib.postgres.search.SearchVectorField(null=True)),
                ("indexed_at", models.DateTimeField(auto_now=True)),
                (
                    "blog",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="blogs.blog",
                    ),
                ),
            ],
        ),
        migrations.RunPython(create_full_text, drop_full_text, elidable=False),
    ]
