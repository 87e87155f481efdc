"""`manage.py demo_mentions`: verified mentions of a demo post and of the lead story."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from chaikhana.linkbacks.models import Mention

pytestmark = pytest.mark.django_db


def test_demo_mentions_are_verified_shown_and_loaded_once(settings, tmp_path: Path, client):
    settings.MEDIA_ROOT = tmp_path
    call_command("demo", blogs=5, posts=40, stdout=StringIO())
    call_command("demo_mentions", if_empty=True, stdout=StringIO())
    first = list(Mention.objects.values_list("pk", "status", "updated_at"))
    call_command("demo_mentions", if_empty=True, stdout=StringIO())
    assert list(Mention.objects.values_list("pk", "status", "updated_at")) == first

    # Without a portal the story's mention is left out; the demo blog's two are verified.
    assert Mention.objects.verified().count() == 2
    mention = Mention.objects.verified().first()
    assert mention.source.startswith("https://example.org/")
    page = client.get(mention.post.get_absolute_url())
    assert mention.author_name in page.content.decode()
