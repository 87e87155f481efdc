"""Certificates: earned by attendance, issued once, checkable by code, revocable."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from chaikhana.core.errors import InvalidTransition
from chaikhana.core.testing.factories import UserFactory
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.courses.certificates import issue_due_certificates, revoke_certificate
from chaikhana.courses.models import Certificate, Session
from chaikhana.courses.models.certificate import CODE_ALPHABET, CODE_LENGTH
from chaikhana.courses.tests.factories import (
    CourseFactory,
    GuestRegistrationFactory,
    RegistrationFactory,
    SessionFactory,
    TutorProfileFactory,
)

pytestmark = pytest.mark.django_db


def sessions(course, count, days_ago=10):
    start = timezone.now() - timedelta(days=days_ago)
    return [
        SessionFactory(
            course=course,
            starts_at=start + timedelta(days=i),
            ends_at=start + timedelta(days=i, hours=2),
        )
        for i in range(count)
    ]


class IssueTests:
    def test_needs_every_session_that_was_not_cancelled_by_default(self):
        course = CourseFactory()
        first, second, dropped = sessions(course, 3)
        Session.objects.filter(pk=dropped.pk).update(status=Session.Status.CANCELLED)
        student = UserFactory(display_name="Айгуль")
        RegistrationFactory(session=first, user=student, attended=True)
        assert issue_due_certificates(course=course) == []
        RegistrationFactory(session=second, user=student, attended=True)
        [certificate] = issue_due_certificates(course=course)
        assert (certificate.name, certificate.sessions_attended) == ("Айгуль", 2)
        assert certificate.first_day < certificate.last_day

    def test_the_course_may_ask_for_fewer_sessions(self):
        course = CourseFactory(sessions_required_for_certificate=1)
        first, _second = sessions(course, 2)
        RegistrationFactory(session=first, attended=True)
        assert len(issue_due_certificates(course=course)) == 1

    def test_is_issued_once_however_often_it_runs(self):
        course = CourseFactory()
        [only] = sessions(course, 1)
        RegistrationFactory(session=only, attended=True)
        issue_due_certificates(course=course)
        assert issue_due_certificates(course=course) == []
        assert Certificate.objects.count() == 1

    def test_a_guest_is_known_by_her_email_across_sessions(self):
        course = CourseFactory()
        first, second = sessions(course, 2)
        GuestRegistrationFactory(session=first, email="zh@example.org", name="Жыпар", attended=True)
        GuestRegistrationFactory(
            session=second, email="ZH@example.org", name="Жыпар", attended=True
        )
        [certificate] = issue_due_certificates(course=course)
        assert (certificate.user, certificate.email) == (None, "zh@example.org")

    def test_code_is_ten_unambiguous_characters(self):
        course = CourseFactory()
        [only] = sessions(course, 1)
        RegistrationFactory(session=only, attended=True)
        [certificate] = issue_due_certificates(course=course)
        assert len(certificate.code) == CODE_LENGTH
        assert set(certificate.code) <= set(CODE_ALPHABET)
        assert not set(certificate.code) & set("IL0O1")


class RevokeTests:
    def test_revoking_twice_is_refused(self):
        course = CourseFactory()
        [only] = sessions(course, 1)
        RegistrationFactory(session=only, attended=True)
        [certificate] = issue_due_certificates(course=course)
        revoke_certificate(certificate=certificate, by=UserFactory(is_staff=True))
        with pytest.raises(InvalidTransition):
            revoke_certificate(certificate=certificate, by=UserFactory(is_staff=True))


def issued(**course_fields):
    course = CourseFactory(title="Этика медиа", **course_fields)
    tutor = TutorProfileFactory(display_name="Бермет Асанова")
    course.tutors.add(tutor.user)
    [only] = sessions(course, 1)
    RegistrationFactory(session=only, user=UserFactory(display_name="Айгуль"), attended=True)
    [certificate] = issue_due_certificates(course=course)
    return certificate


class VerificationPageTests:
    def test_anyone_sees_course_name_tutors_and_valid(self, client):
        certificate = issued()
        page = client.get(reverse("courses:certificate", args=[certificate.code])).content.decode()
        for text in ("Этика медиа", "Айгуль", "Бермет Асанова", "Valid", 'media="print"'):
            assert text in page

    def test_a_code_typed_in_lower_case_with_dashes_is_found(self, client):
        certificate = issued()
        typed = f"{certificate.code[:5].lower()}-{certificate.code[5:].lower()}"
        assert client.get(reverse("courses:certificate", args=[typed])).status_code == 200

    def test_a_revoked_certificate_says_so(self, client):
        certificate = issued()
        revoke_certificate(certificate=certificate, by=UserFactory(is_staff=True))
        page = client.get(certificate.get_absolute_url()).content.decode()
        assert "Revoked" in page and "Valid<" not in page

    def test_an_unknown_code_is_not_found(self, client):
        assert client.get(reverse("courses:certificate", args=["ABCDEFGHJK"])).status_code == 404

    def test_her_certificates_are_listed_for_her_only(self, client):
        certificate = issued()
        client.force_login(certificate.user)
        assert certificate.code in client.get(reverse("courses:my_certificates")).content.decode()
        client.force_login(UserFactory())
        assert (
            certificate.code not in client.get(reverse("courses:my_certificates")).content.decode()
        )

    def test_staff_revoke_from_the_course_list_and_tutors_cannot(self, client):
        certificate = issued()
        url = reverse("courses:revoke_certificate", args=[certificate.pk])
        client.force_login(certificate.course.tutors.get())
        assert client.post(url).status_code == 403
        log_in_verified(client, UserFactory(is_staff=True))
        client.post(url)
        certificate.refresh_from_db()
        assert certificate.revoked_at is not None
