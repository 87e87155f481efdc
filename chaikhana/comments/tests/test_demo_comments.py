"""`manage.py demo_comments`: threads on the demo network's newest posts, one comment waiting."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from chaikhana.comments.models import Comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path
    call_command("demo", blogs=12, posts=100, stdout=StringIO())


def test_demo_comments_are_threaded_approved_dated_and_loaded_once(demo, client):
    call_command("demo_comments", if_empty=True, stdout=StringIO())
    first = list(Comment.objects.values_list("pk", "status", "created_at"))
    out = StringIO()
    call_command("demo_comments", if_empty=True, stdout=out)
    assert "not loaded" in out.getvalue()
    assert list(Comment.objects.values_list("pk", "status", "created_at")) == first

    assert Comment.objects.approved().count() >= 24
    assert Comment.objects.filter(parent__isnull=False, status="approved").exists()
    pending = Comment.objects.get(status=Comment.Status.PENDING)
    assert pending.blog.name == "demo"
    assert set(Comment.objects.values_list("post__language", flat=True)) >= {"ru", "ky", "en"}
    for comment in Comment.objects.select_related("post", "parent"):
        assert comment.post.published_at <= comment.created_at <= timezone.now()
        if comment.parent is not None:
            assert comment.parent.created_at < comment.created_at
    shown = Comment.objects.approved().filter(post__blog__name="demo").first()
    page = client.get(shown.post.get_absolute_url())
    assert shown.body_source[:30] in page.content.decode()
