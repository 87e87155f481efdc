"""Logging in with a second factor, and staff forced to enrol (accounts/twofactor)."""

import pytest
from django.contrib.auth import get_user
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from freezegun import freeze_time

from chaikhana.accounts.twofactor.decorators import otp_required_for_staff
from chaikhana.core.testing.factories import PASSWORD, UserFactory
from chaikhana.core.testing.twofactor import code_for, enrol

LOGIN = reverse("accounts:login")
VERIFY = reverse("accounts:twofactor_verify")
ENROLLED_AT = "2025-03-01 10:00:00"
LATER = "2025-03-01 10:01:00"  # a new 30-second step: the enrolment code is spent


def log_in_with_password(client, user, **extra):
    return client.post(LOGIN, {"username": user.username, "password": PASSWORD, **extra})


@pytest.mark.django_db
class TwoFactorLoginTests:
    def test_password_alone_does_not_log_in_when_she_has_a_device(self, client, user):
        with freeze_time(ENROLLED_AT):
            enrol(user)
        response = log_in_with_password(client, user)
        assert response.status_code == 302 and response.url == VERIFY
        assert not get_user(client).is_authenticated

    def test_logs_in_verified_when_code_right(self, client, user):
        with freeze_time(ENROLLED_AT):
            device, _ = enrol(user)
        with freeze_time(LATER):
            log_in_with_password(client, user, next="/dashboard/")
            response = client.post(VERIFY, {"code": code_for(device)})
            # Inside the frozen clock: the session it made expires by that clock.
            assert get_user(client) == user
            assert client.session["otp_device_id"] == device.persistent_id
        assert response.status_code == 302 and response.url == "/dashboard/"

    def test_refuses_wrong_code_and_throttles_the_next_try(self, client, user):
        with freeze_time(ENROLLED_AT):
            device, _ = enrol(user)
        with freeze_time(LATER):
            log_in_with_password(client, user)
            wrong = client.post(
                VERIFY, {"code": "123456" if code_for(device) != "123456" else "654321"}
            )
            right_too_soon = client.post(VERIFY, {"code": code_for(device)})
        assert "This code is not right" in wrong.content.decode()
        assert "Too many wrong codes" in right_too_soon.content.decode()
        assert not get_user(client).is_authenticated

    def test_recovery_code_works_once(self, client, user):
        with freeze_time(ENROLLED_AT):
            _, codes = enrol(user)
        log_in_with_password(client, user)
        first = client.post(VERIFY, {"code": codes[0].upper()})
        assert first.status_code == 302 and get_user(client) == user
        client.logout()
        log_in_with_password(client, user)
        second = client.post(VERIFY, {"code": codes[0]})
        assert second.status_code == 200
        assert not get_user(client).is_authenticated

    def test_password_alone_logs_in_when_she_has_no_device(self, client, user):
        log_in_with_password(client, user)
        assert get_user(client) == user

    def test_verify_page_sends_back_to_login_when_no_password_given(self, client, user):
        response = client.post(VERIFY, {"code": "123456"})
        assert response.status_code == 302 and response.url == LOGIN

    def test_pending_login_expires_after_five_minutes(self, client, user):
        with freeze_time(ENROLLED_AT):
            device, _ = enrol(user)
            log_in_with_password(client, user)
        with freeze_time("2025-03-01 10:06:00"):
            response = client.post(VERIFY, {"code": code_for(device)})
        assert response.url == LOGIN
        assert not get_user(client).is_authenticated


def staff_page(request):
    return HttpResponse("network page")


@pytest.mark.django_db
class OtpRequiredForStaffTests:
    view = staticmethod(otp_required_for_staff(staff_page))

    def _get(self, client, user, path="/network/"):
        request = RequestFactory().get(path)
        client.force_login(user)
        request.user = user
        user.is_verified = lambda: client.session.get("otp_device_id") is not None
        return self.view(request)

    def test_sends_staff_without_device_to_enrolment(self, client):
        staff = UserFactory(is_staff=True)
        response = self._get(client, staff)
        assert response.status_code == 302
        assert response.url == reverse("accounts:twofactor") + "?next=%2Fnetwork%2F"

    def test_sends_unverified_staff_with_device_to_the_code(self, client):
        staff = UserFactory(is_staff=True)
        enrol(staff)
        response = self._get(client, staff)
        assert response.url.startswith(VERIFY)

    def test_lets_non_staff_through_without_device(self, client, user):
        assert self._get(client, user).status_code == 200

    def test_staff_reach_network_pages_after_enrolling(self, client):
        staff = UserFactory(is_staff=True)
        client.force_login(staff)
        client.get(reverse("accounts:twofactor"))
        device = staff.totpdevice_set.get()
        client.post(reverse("accounts:twofactor"), {"code": code_for(device)})
        assert client.session["otp_device_id"] == device.persistent_id


@pytest.mark.django_db
class FirstSignInOfStaffTests:
    """Staff enrol at first sign-in: the password leads straight to the authenticator page."""

    @pytest.mark.parametrize("rights", [{"is_staff": True}, {"is_superuser": True}])
    def test_sent_to_enrolment_after_the_password_when_staff_has_no_device(self, client, rights):
        staff = UserFactory(**rights)
        response = log_in_with_password(client, staff, next="/network/")
        assert response.url == reverse("accounts:twofactor") + "?next=%2Fnetwork%2F"
        enrolment = client.get(response.url)
        assert enrolment.status_code == 200
        assert client.get("/network/").url.startswith(reverse("accounts:twofactor"))

    def test_sent_to_the_code_after_the_password_when_staff_has_a_device(self, client):
        staff = UserFactory(is_staff=True)
        enrol(staff)
        response = log_in_with_password(client, staff)
        assert response.url == VERIFY and not get_user(client).is_authenticated

    def test_a_blogger_without_a_device_goes_where_she_was_going(self, client, user):
        response = log_in_with_password(client, user, next="/dashboard/")
        assert response.url == "/dashboard/"
