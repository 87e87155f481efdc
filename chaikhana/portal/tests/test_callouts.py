"""Calls for contributions: editors open them, bloggers answer through the submit form."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from chaikhana.core.errors import ActionError
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.portal.actions.callouts import publish_callout
from chaikhana.portal.actions.submissions import submit_post
from chaikhana.portal.models import PortalRole, Submission
from chaikhana.portal.tests.factories import SectionFactory, blogger_post, staff

pytestmark = pytest.mark.django_db


def _open(section=None):
    section = section or SectionFactory()
    editor = staff(PortalRole.Role.SECTION_EDITOR, section)
    return publish_callout(
        by=editor,
        section=section,
        title="Reports from Osh about the water cuts",
        body="Which streets, since when?",
        deadline=timezone.now() + timedelta(days=3),
    )


class CalloutTests:
    def test_a_section_editor_opens_a_call_with_its_own_page(self, client):
        callout = _open()
        html = client.get(callout.get_absolute_url()).content.decode()
        assert "Reports from Osh" in html and f"?callout={callout.slug}" in html

    def test_an_editor_of_another_section_may_not(self):
        editor = staff(PortalRole.Role.SECTION_EDITOR, SectionFactory())
        with pytest.raises(PermissionDenied):
            publish_callout(
                by=editor,
                section=SectionFactory(),
                title="t",
                body="b",
                deadline=timezone.now() + timedelta(days=1),
            )

    def test_a_deadline_in_the_past_is_refused_in_the_form_with_400(self, client):
        section = SectionFactory()
        log_in_verified(client, staff(PortalRole.Role.EDITOR_IN_CHIEF))
        response = client.post(
            "/portal/callouts/new/",
            {"title": "t", "body": "b", "section": section.pk, "deadline": "2001-01-01T10:00"},
        )
        assert response.status_code == 400
        assert "Choose a deadline in the future" in response.content.decode()

    def test_a_blogger_answers_a_call_through_the_prefilled_submit_form(self, client):
        callout = _open()
        post = blogger_post()
        log_in_verified(client, post.author.user)
        form = client.get(f"/portal/submit/?callout={callout.slug}").content.decode()
        assert f'value="{callout.slug}" selected' in form
        response = client.post(
            "/portal/submit/",
            {"post": post.pk, "section": callout.section.pk, "callout": callout.slug},
        )
        assert response.status_code == 302
        assert Submission.objects.get(original=post).callout == callout

    def test_a_closed_call_leaves_the_list_and_cannot_be_answered(self, client):
        callout = _open()
        callout.deadline = timezone.now() - timedelta(minutes=1)
        callout.save()
        assert callout.title not in client.get("/portal/callouts/").content.decode()
        assert "Closed" in client.get(callout.get_absolute_url()).content.decode()
        post = blogger_post()
        log_in_verified(client, post.author.user)
        response = client.post(
            "/portal/submit/",
            {"post": post.pk, "section": callout.section.pk, "callout": callout.slug},
        )
        assert response.status_code == 400 and not Submission.objects.exists()

    def test_titles_and_bodies_are_required(self):
        section = SectionFactory()
        with pytest.raises(ActionError):
            publish_callout(
                by=staff(PortalRole.Role.EDITOR_IN_CHIEF),
                section=section,
                title=" ",
                body="",
                deadline=timezone.now() + timedelta(days=1),
            )


class SubmitToCalloutTests:
    def test_submission_answering_a_closed_call_is_refused_and_nothing_is_stored(self):
        callout = _open()
        callout.deadline = timezone.now() - timedelta(seconds=1)
        callout.save()
        post = blogger_post()
        with pytest.raises(ActionError) as refused:
            submit_post(
                post=post, by=post.author.user, section=callout.section, sources=[], callout=callout
            )
        assert refused.value.field == "callout"
        assert not Submission.objects.exists()

    def test_submission_answering_an_open_call_is_linked_to_it(self):
        callout = _open()
        post = blogger_post()
        submission = submit_post(
            post=post, by=post.author.user, section=callout.section, sources=[], callout=callout
        )
        assert submission.callout == callout
