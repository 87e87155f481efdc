"""The permission matrix's "desk member without a second factor" rows.

The portal's desk (editors-in-chief, section editors, fact-checkers) sees private sources,
internal notes and unpublished stories, so its people are held like staff: a password alone
sends them to enrol (or to give a code), on every staff or desk address the resolver knows.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user
from django.urls import reverse

from chaikhana.accounts.tests.test_staff_matrix import MACHINE_ONLY, OUTSIDE, STAFF, _address
from chaikhana.core.testing.factories import PASSWORD
from chaikhana.core.testing.twofactor import enrol, log_in_verified
from chaikhana.portal.models import PortalRole
from chaikhana.portal.tests.factories import SectionFactory, staff

pytestmark = pytest.mark.django_db

ENROL, VERIFY = reverse("accounts:twofactor"), reverse("accounts:twofactor_verify")
ROLES = [
    PortalRole.Role.EDITOR_IN_CHIEF,
    PortalRole.Role.SECTION_EDITOR,
    PortalRole.Role.FACT_CHECKER,
]


def desk_member(role: str = PortalRole.Role.EDITOR_IN_CHIEF):
    sections = [SectionFactory()] if role == PortalRole.Role.SECTION_EDITOR else []
    return staff(role, *sections)


class DeskMemberWithoutSecondFactorTests:
    @pytest.mark.parametrize("method", ["get", "post"])
    @pytest.mark.parametrize("route", STAFF, ids=lambda r: r)
    def test_sent_to_enrol_when_a_desk_member_has_no_authenticator(self, client, route, method):
        client.force_login(desk_member())
        response = getattr(client, method)(_address(route), **OUTSIDE)
        if route in MACHINE_ONLY:  # not staff: /metrics does not say it exists
            assert response.status_code in (403, 404)
        else:
            assert response.status_code == 302
            assert response["Location"].startswith(ENROL + "?next=")

    @pytest.mark.parametrize("route", STAFF, ids=lambda r: r)
    def test_asked_for_a_code_when_her_authenticator_was_not_used_this_session(self, client, route):
        member = desk_member(PortalRole.Role.FACT_CHECKER)
        enrol(member)
        client.force_login(member)
        response = client.get(_address(route), **OUTSIDE)
        if route in MACHINE_ONLY:  # not staff: /metrics does not say it exists
            assert response.status_code in (403, 404)
        else:
            assert response["Location"].startswith(VERIFY)

    @pytest.mark.parametrize("role", ROLES)
    def test_the_desk_opens_when_her_session_gave_a_code(self, client, role):
        log_in_verified(client, desk_member(role))
        assert client.get(reverse("portal:desk")).status_code == 200


class DeskMemberFirstSignInTests:
    def test_sent_to_enrolment_straight_after_the_password(self, client):
        member = desk_member(PortalRole.Role.SECTION_EDITOR)
        response = client.post(
            reverse("accounts:login"),
            {"username": member.username, "password": PASSWORD, "next": "/portal/desk/"},
        )
        assert response.url == ENROL + "?next=%2Fportal%2Fdesk%2F"
        assert get_user(client) == member  # signed in, but the desk waits for the factor
        page = client.get(response.url).content.decode()
        assert "Your role needs two-factor authentication" in page

    def test_a_blogger_without_a_role_submits_without_a_second_factor(self, client, user):
        client.force_login(user)
        assert client.get(reverse("portal:submit")).status_code == 200
