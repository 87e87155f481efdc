"""network.access: staff rights are used only in a session verified with a second factor."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from chaikhana.core.testing.factories import UserFactory
from chaikhana.network.access import access_person, access_staff

pytestmark = pytest.mark.django_db


def as_in_a_request(user, *, verified: bool):
    """*user* as OTPMiddleware hands her to a view: with is_verified() for this session."""
    request = RequestFactory().get("/network/")
    request.user = user
    user.is_verified = lambda: verified
    return request.user


class AccessStaffTests:
    def test_refused_when_staff_session_gave_no_code(self):
        staff = as_in_a_request(UserFactory(is_staff=True), verified=False)
        with pytest.raises(PermissionDenied):
            access_staff(staff)
        with pytest.raises(PermissionDenied):
            access_person(staff, staff.pk)

    def test_refused_when_a_user_object_carries_no_session_at_all(self):
        with pytest.raises(PermissionDenied):
            access_staff(UserFactory(is_staff=True))

    def test_granted_when_staff_session_is_verified(self):
        staff = as_in_a_request(UserFactory(is_staff=True), verified=True)
        assert access_staff(staff) == staff

    def test_refused_when_verified_but_not_staff(self):
        with pytest.raises(PermissionDenied):
            access_staff(as_in_a_request(UserFactory(), verified=True))
