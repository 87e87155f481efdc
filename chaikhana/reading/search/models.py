"""SearchDocument: what the search index knows about one published post.

One row per post that anyone may find (published, not private, not a draft). It keeps the
plain text that snippets are cut from, the blog and language for filtering, and on
PostgreSQL the weighted tsvector (title A, text B) under a GIN index. On SQLite the
``vector`` column stays NULL (SQLite accepts any declared column type); the FTS5 table
``reading_search_fts`` (created by migration 0001 on SQLite only) holds the stems there.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models

from chaikhana.blogs.models import Blog, Post


class SearchDocument(models.Model):
    post = models.OneToOneField(Post, on_delete=models.CASCADE, primary_key=True, related_name="+")
    blog = models.ForeignKey(Blog, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8)
    title = models.CharField(max_length=200)
    body = models.TextField()
    vector = SearchVectorField(null=True)
    indexed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.title
