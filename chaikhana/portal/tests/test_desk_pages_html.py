"""Every desk page parses as strict HTML5 with one h1 and a label for each field."""

from __future__ import annotations

import html5lib
import pytest

from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.portal.actions.factcheck import add_claim
from chaikhana.portal.actions.stories import StoryEdit, edit_story
from chaikhana.portal.actions.submissions import pick_post
from chaikhana.portal.models import PortalRole, Source
from chaikhana.portal.tests.factories import SectionFactory, blogger_post, staff, submission_in
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db


def _assert_valid(html: str) -> None:
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)
    assert len(document.findall(".//h1")) == 1
    labelled = {label.get("for") for label in document.iter("label")}
    fields = [el for el in document.iter() if el.tag in ("input", "select", "textarea")]
    for field in fields:
        if field.get("type") not in ("hidden", "submit") and field.get("id") != "lang-select":
            assert field.get("id") in labelled, field.get("name")


class DeskPagesHtmlTests:
    def test_editor_pages_are_valid_and_labelled(self, client):
        live, draft = submission_in(State.PUBLISHED), submission_in(State.FACT_CHECK)
        chief = staff(PortalRole.Role.EDITOR_IN_CHIEF)
        Source.objects.create(submission=draft, url="https://stat.kg/")
        add_claim(submission=draft, by=chief, text="A claim")
        story = live.story
        edit = StoryEdit(
            title="T",
            excerpt="",
            body_source="new",
            base_version=story.version,
            correction_kind="update",
            correction_note="n",
        )
        edit_story(submission=live, by=chief, edit=edit)
        log_in_verified(client, chief)
        base = f"/portal/submissions/{draft.pk}/"
        for url in (
            base + "factcheck/",
            base + "assign/",
            base + "byline/",
            base + "edit/",
            f"/portal/submissions/{live.pk}/edit/",
            "/portal/proposals/",
            "/portal/inbox/",
            "/portal/desk/",
        ):
            response = client.get(url)
            assert response.status_code == 200, url
            _assert_valid(response.content.decode())

    def test_author_pages_are_valid_and_labelled(self, client):
        section = SectionFactory()
        editor = staff(PortalRole.Role.SECTION_EDITOR, section)
        submission = pick_post(post=blogger_post(), by=editor, section=section)
        log_in_verified(client, submission.author)
        for url in ("/portal/picks/", "/portal/inbox/", submission.get_absolute_url()):
            _assert_valid(client.get(url).content.decode())
