"""Assigning editors and fact-checkers, and the byline page."""

from __future__ import annotations

import pytest

from chaikhana.core.testing.factories import UserFactory
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.portal.models import Notification, PortalRole
from chaikhana.portal.tests.factories import SectionFactory, staff, submission_in
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db


class AssignPageTests:
    def test_section_editor_assigns_an_editor_and_a_checker_who_are_told(self, client):
        section = SectionFactory()
        submission = submission_in(State.IN_REVIEW, section=section)
        chief = staff(PortalRole.Role.SECTION_EDITOR, section)
        colleague = staff(PortalRole.Role.SECTION_EDITOR, section)
        checker = staff(PortalRole.Role.FACT_CHECKER)
        log_in_verified(client, chief)
        assert (
            colleague.username
            in client.get(f"/portal/submissions/{submission.pk}/assign/").content.decode()
        )
        response = client.post(
            f"/portal/submissions/{submission.pk}/assign/",
            {"editor": colleague.pk, "checker": checker.pk},
        )
        submission.refresh_from_db()
        assert response.status_code == 302
        assert (submission.assigned_editor, submission.assigned_checker) == (colleague, checker)
        assert Notification.objects.filter(user=checker, submission=submission).exists()

    def test_an_editor_of_another_section_cannot_be_chosen(self, client):
        submission = submission_in(State.IN_REVIEW)
        outsider = staff(PortalRole.Role.SECTION_EDITOR, SectionFactory())
        log_in_verified(client, staff(PortalRole.Role.EDITOR_IN_CHIEF))
        response = client.post(
            f"/portal/submissions/{submission.pk}/assign/", {"editor": outsider.pk}
        )
        submission.refresh_from_db()
        assert response.status_code == 400 and submission.assigned_editor is None
        assert 'class="errorlist' in response.content.decode()

    def test_fact_checker_and_author_are_refused_and_strangers_get_404(self, client):
        submission = submission_in(State.IN_REVIEW)
        url = f"/portal/submissions/{submission.pk}/assign/"
        for person in (staff(PortalRole.Role.FACT_CHECKER), submission.author):
            log_in_verified(client, person)
            assert client.get(url).status_code == 403
            assert client.post(url, {"checker": person.pk}).status_code == 403
        log_in_verified(client, UserFactory())
        assert client.get(url).status_code == 404
        submission.refresh_from_db()
        assert submission.assigned_checker is None


class BylinePageTests:
    def test_editor_sets_a_pseudonym_and_sees_who_stands_behind_it(self, client):
        submission = submission_in(State.IN_REVIEW)
        log_in_verified(client, staff(PortalRole.Role.EDITOR_IN_CHIEF))
        url = f"/portal/submissions/{submission.pk}/byline/"
        assert submission.author.username in client.get(url).content.decode()
        response = client.post(url, {"pseudonym": "Aigul K."})
        submission.refresh_from_db()
        submission.story.refresh_from_db()
        assert response.status_code == 302 and submission.byline == "Aigul K."
        assert submission.story.byline == "Aigul K."

    def test_clearing_the_pseudonym_restores_the_pen_name(self, client):
        submission = submission_in(State.IN_REVIEW)
        submission.byline_pseudonym = "Someone"
        submission.save()
        log_in_verified(client, staff(PortalRole.Role.EDITOR_IN_CHIEF))
        client.post(f"/portal/submissions/{submission.pk}/byline/", {"pseudonym": ""})
        submission.refresh_from_db()
        assert submission.byline == submission.author_membership.pen_name

    def test_a_too_long_pseudonym_is_refused_and_kept_in_the_field(self, client):
        submission = submission_in(State.IN_REVIEW)
        log_in_verified(client, staff(PortalRole.Role.EDITOR_IN_CHIEF))
        long_name = "N" * 101
        response = client.post(
            f"/portal/submissions/{submission.pk}/byline/", {"pseudonym": long_name}
        )
        assert response.status_code == 400 and long_name in response.content.decode()

    def test_author_and_fact_checker_are_refused_the_identity(self, client):
        submission = submission_in(State.IN_REVIEW)
        url = f"/portal/submissions/{submission.pk}/byline/"
        for person in (submission.author, staff(PortalRole.Role.FACT_CHECKER)):
            log_in_verified(client, person)
            assert client.get(url).status_code == 403
        log_in_verified(client, UserFactory())
        assert client.get(url).status_code == 404
