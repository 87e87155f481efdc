"""`manage.py demo_portal`: the demo network's portal, made through the desk's actions."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from chaikhana.accounts.models import User
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.portal.models import (
    Callout,
    Claim,
    Correction,
    FrontPageItem,
    PortalRole,
    Section,
    Submission,
    Transition,
)
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db

TABLES = (Section, PortalRole, Submission, Transition, Claim, Correction, FrontPageItem, Callout)


@pytest.fixture
def demo(settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path
    call_command("demo", blogs=20, posts=200, stdout=StringIO())


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in TABLES}


def test_demo_portal_fills_the_front_page_and_the_desk_once(demo, client):
    call_command("demo_portal", if_empty=True, stdout=StringIO())
    first = _counts()
    out = StringIO()
    call_command("demo_portal", if_empty=True, stdout=out)
    assert "not loaded" in out.getvalue()
    assert _counts() == first

    assert set(Section.objects.values_list("name", flat=True)) == {
        "Новости", "Общество", "Культура", "Экономика"
    }  # fmt: skip
    assert Section.objects.filter(community_stream=True).count() == 1
    assert PortalRole.objects.get(user__username="demo").role == "editor_in_chief"
    assert set(PortalRole.objects.values_list("role", flat=True)) == set(PortalRole.Role.values)

    published = Submission.objects.filter(state=State.PUBLISHED)
    assert published.count() == 7
    for submission in published:
        steps = list(submission.transitions.values_list("to_state", flat=True))
        assert steps == ["submitted", "in_review", "fact_check", "ready", "published"]
        assert submission.story is not None
        assert submission.story.published_at < timezone.now()
        assert submission.claims.filter(verdict=Claim.Verdict.VERIFIED).exists()
    queue = set(Submission.objects.exclude(state=State.PUBLISHED).values_list("state", flat=True))
    assert queue == {State.SUBMITTED, State.IN_REVIEW, State.FACT_CHECK}
    assert Correction.objects.count() == 1
    assert FrontPageItem.objects.filter(place="featured").count() == 3
    callout = Callout.objects.open().get()
    assert 6 <= (callout.deadline - timezone.now()).days <= 7

    lead = FrontPageItem.objects.get(place="lead").story
    page = client.get("/")
    assert page.status_code == 200
    assert lead.title in page.content.decode()
    assert client.login(username="demo", password="demo-password")
    # demo is on the desk: her password alone sends her to set up a second factor first.
    assert client.get("/portal/desk/")["Location"].startswith("/accounts/2fa/?next=")
    log_in_verified(client, User.objects.get(username="demo"))
    assert client.get("/portal/desk/").status_code == 200
