"""An import large enough to matter leaves the planner's statistics fresh (core/db_stats.py)."""

from __future__ import annotations

import pytest

from chaikhana.core.testing.planner import planner_rows
from chaikhana.porting.tests.conftest import CORPORA
from chaikhana.porting.wxr import importer


@pytest.mark.django_db(transaction=True)
def test_an_import_of_many_posts_refreshes_the_statistics(monkeypatch, import_file):
    monkeypatch.setattr(importer, "BULK_ROWS", 5)  # the corpus file stands for a big export
    report = import_file(CORPORA / "wptest.xml", blog_name="corpus")
    assert planner_rows("blogs_post") == report.imported
