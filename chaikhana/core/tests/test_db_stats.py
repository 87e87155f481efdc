"""After a bulk load the planner knows the tables' sizes (core/db_stats.py): on PostgreSQL a
category archive after an import planned with an empty table's statistics cost as much as
WordPress's page (issue "at the physical limit", BENCHMARKS.md)."""

from __future__ import annotations

import pytest

from chaikhana.core.db_stats import refresh_statistics
from chaikhana.core.testing.factories import BlogFactory, PostFactory
from chaikhana.core.testing.planner import planner_rows


@pytest.mark.django_db(transaction=True)
def test_refresh_statistics_tells_the_planner_how_many_posts_there_are():
    blog = BlogFactory()
    for _ in range(30):
        PostFactory(blog=blog)
    refresh_statistics()
    assert planner_rows("blogs_post") == 30
