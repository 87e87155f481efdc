"""What each backend stores; the test for the other database's backend is skipped."""

import pytest
from django.db import connection

from chaikhana.blogs.models import Blog
from chaikhana.core.testing.factories import BlogFactory, PostFactory
from chaikhana.reading.search import sqlite_fts
from chaikhana.reading.search.actions import forget_deleted_blog, index_post
from chaikhana.reading.search.analysis import parse_query
from chaikhana.reading.search.models import SearchDocument
from chaikhana.reading.search.query import search_posts

pytestmark = pytest.mark.django_db

on_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite FTS5 backend: the database is not SQLite"
)
on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL backend: the database is not PostgreSQL"
)


def fts_rows() -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT rowid, title, body FROM reading_search_fts ORDER BY rowid")
        return cursor.fetchall()


def vector_of(post) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT vector::text FROM reading_searchdocument WHERE post_id = %s", [post.pk]
        )
        return cursor.fetchone()[0]


@on_sqlite
class SqliteBackendTests:
    def test_stores_stems_when_post_is_indexed(self, blog):
        post = PostFactory(blog=blog, title="Журналисты", body_source="Письма журналистов")
        index_post(post_id=post.pk)
        assert fts_rows() == [(post.pk, "журналист", "письм журналист")]

    def test_quotes_every_variant_when_building_the_match_expression(self):
        expression = sqlite_fts.fts_expression(parse_query('NEAR "журналисты" x*'))
        assert expression == '("журналис" OR "журналист" OR "журналисты") AND ("x")'

    def test_drops_rows_when_their_blog_is_deleted(self):
        blog = BlogFactory()
        index_post(post_id=PostFactory(blog=blog).pk)
        kept = PostFactory()
        index_post(post_id=kept.pk)
        blog_id = blog.pk
        blog.delete()
        forget_deleted_blog(blog_id=blog_id)
        assert [row[0] for row in fts_rows()] == [kept.pk]


@on_postgres
class PostgresBackendTests:
    def test_indexes_russian_with_russian_configuration(self, blog):
        post = PostFactory(blog=blog, title="Журналисты", body_source="и письма")
        index_post(post_id=post.pk)
        assert vector_of(post) == "'журналист':1A 'письм':3B"  # "и" is a stop word

    def test_indexes_kyrgyz_prestemmed_with_simple_configuration(self):
        post = PostFactory(blog=BlogFactory(language="ky"), language="ky", title="Бишкектеги")
        post.body_source = ""
        post.save()
        index_post(post_id=post.pk)
        assert vector_of(post) == "'бишкек':1A"

    def test_finds_russian_post_when_query_has_russian_stop_words(self, blog):
        post = PostFactory(blog=blog, body_source="Журналисты пишут")
        index_post(post_id=post.pk)
        results = search_posts("и журналисты в", blog=blog)
        assert [hit.post for hit in results.hits] == [post]


class SearchDocumentTests:
    def test_keeps_plain_text_for_snippets_when_post_has_markup(self, blog):
        post = PostFactory(blog=blog, body_source="Some *text* & <b>more</b>")
        index_post(post_id=post.pk)
        assert SearchDocument.objects.get().body == "Some text & more"

    def test_is_kept_when_blog_is_unlisted_and_found_only_within_it(self):
        # Visibility is decided at search time, so the document exists either way.
        post = PostFactory(blog=BlogFactory(visibility=Blog.Visibility.UNLISTED))
        assert index_post(post_id=post.pk)
        assert search_posts("text").total == 0
        assert search_posts("text", blog=post.blog).total == 1
