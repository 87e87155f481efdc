"""The school's management pages ask staff for a second factor: a password alone opens none."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from chaikhana.core.testing.factories import UserFactory
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.courses.models import Course
from chaikhana.courses.tests.factories import (
    CourseFactory,
    GuestRegistrationFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db

SECRET = "guest-private@example.org"


@pytest.fixture
def school():
    """A course with a session whose roster holds a guest's email."""
    session = SessionFactory(course=CourseFactory(title="Data journalism"))
    GuestRegistrationFactory(session=session, email=SECRET)
    return {"course_id": session.course_id, "session_id": session.pk}


# (URL name, its arguments, what a signed-in stranger gets). The two lists open on her own
# courses, of which she has none: they show nothing of the school's.
PAGES = [
    ("courses:manage", [], 200),
    ("courses:teaching", [], 200),
    ("courses:reports", [], 403),
    ("courses:course_new", [], 403),
    ("courses:course_edit", ["course_id"], 403),
    ("courses:session_new", ["course_id"], 403),
    ("courses:session_edit", ["session_id"], 403),
    ("courses:roster", ["session_id"], 403),
    ("courses:roster_csv", ["session_id"], 403),
    ("courses:tutor_certificates", ["course_id"], 403),
]
IDS = [name for name, _args, _stranger in PAGES]


def url(school, name, args):
    return reverse(name, args=[school[arg] for arg in args])


class StaffGuardTests:
    @pytest.mark.parametrize(("name", "args", "_stranger"), PAGES, ids=IDS)
    def test_page_opens_when_staff_gave_second_factor(self, client, school, name, args, _stranger):
        log_in_verified(client, UserFactory(is_staff=True))
        assert client.get(url(school, name, args)).status_code == 200

    @pytest.mark.parametrize(("name", "args", "_stranger"), PAGES, ids=IDS)
    def test_staff_sent_to_enrol_when_no_authenticator(self, client, school, name, args, _stranger):
        client.force_login(UserFactory(is_staff=True))
        response = client.get(url(school, name, args))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:twofactor") + "?next=")
        assert SECRET.encode() not in response.content

    def test_staff_asked_for_code_when_authenticator_not_used_this_session(self, client, school):
        staff = UserFactory(is_staff=True)
        TOTPDevice.objects.create(user=staff, name="authenticator", confirmed=True)
        client.force_login(staff)
        response = client.get(url(school, "courses:roster_csv", ["session_id"]))
        assert response["Location"].startswith(reverse("accounts:twofactor_verify"))

    @pytest.mark.parametrize(("name", "args", "stranger"), PAGES, ids=IDS)
    def test_stranger_sees_nothing_of_the_school_when_not_staff(
        self, client, school, name, args, stranger
    ):
        client.force_login(UserFactory())
        response = client.get(url(school, name, args))
        assert response.status_code == stranger
        assert SECRET.encode() not in response.content
        assert b"Data journalism" not in response.content

    def test_staff_changes_nothing_when_no_authenticator(self, client, school):
        client.force_login(UserFactory(is_staff=True))
        edit = url(school, "courses:course_edit", ["course_id"])
        response = client.post(edit, {"title": "Taken over", "slug": "taken"})
        assert response.status_code == 302
        assert not Course.objects.filter(title="Taken over").exists()

    def test_draft_course_hidden_when_staff_session_has_no_second_factor(self, client):
        draft = CourseFactory(is_published=False)
        client.force_login(UserFactory(is_staff=True))
        assert client.get(reverse("courses:course", args=[draft.slug])).status_code == 404
