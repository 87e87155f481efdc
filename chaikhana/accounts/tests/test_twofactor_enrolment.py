"""Two-factor enrolment, recovery codes and turning it off (accounts/twofactor)."""

from base64 import b32encode

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from freezegun import freeze_time

from chaikhana.accounts.twofactor.devices import has_two_factor
from chaikhana.core.testing.factories import PASSWORD
from chaikhana.core.testing.twofactor import code_for, enrol, recovery_codes

URL = reverse("accounts:twofactor")


@pytest.mark.django_db
class EnrolmentPageTests:
    def test_shows_inline_svg_qr_and_the_secret_for_typing_when_not_enrolled(self, client, user):
        client.force_login(user)
        response = client.get(URL)
        html = response.content.decode()
        device = TOTPDevice.objects.get(user=user, confirmed=False)
        secret = b32encode(device.bin_key).decode()
        assert response.status_code == 200
        assert "<svg" in html and "<title>" in html
        assert secret[:4] + " " + secret[4:8] in html
        assert "http" not in html.split("<svg", 1)[1].split("</svg>", 1)[0].replace(
            "http://www.w3.org", ""
        )
        assert response["Cache-Control"].startswith("max-age=0")

    def test_keeps_the_same_key_between_visits_until_confirmed(self, client, user):
        client.force_login(user)
        client.get(URL)
        client.get(URL)
        assert TOTPDevice.objects.filter(user=user).count() == 1

    def test_confirms_and_shows_ten_codes_once_when_first_code_right(self, client, user):
        client.force_login(user)
        client.get(URL)
        device = TOTPDevice.objects.get(user=user)
        response = client.post(URL, {"code": code_for(device)})
        html = response.content.decode()
        codes = recovery_codes(user)
        assert response.status_code == 200
        assert len(codes) == 10
        assert all(code in html for code in codes)
        assert has_two_factor(user)
        again = client.get(URL).content.decode()
        assert not any(code in again for code in codes)

    def test_refuses_with_message_when_first_code_wrong(self, client, user):
        client.force_login(user)
        client.get(URL)
        response = client.post(URL, {"code": "000000"})
        assert response.status_code == 200
        assert "This code is not right" in response.content.decode()
        assert not has_two_factor(user)

    def test_asks_to_log_in_when_anonymous(self, client):
        response = client.get(URL)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.django_db
class DisableTests:
    URL = reverse("accounts:twofactor_disable")

    def test_turns_off_when_password_right(self, client, user):
        enrol(user)
        client.force_login(user)
        response = client.post(self.URL, {"password": PASSWORD})
        assert response.status_code == 302
        assert not has_two_factor(user)
        assert recovery_codes(user) == set()

    def test_turns_off_when_current_code_given(self, client, user):
        with freeze_time("2025-03-01 10:00:00"):
            device, _ = enrol(user)
        with freeze_time("2025-03-01 10:01:00"):
            client.force_login(user)
            client.post(self.URL, {"code": code_for(device)})
        assert not has_two_factor(user)

    def test_stays_on_when_password_wrong(self, client, user):
        enrol(user)
        client.force_login(user)
        response = client.post(self.URL, {"password": "not-it"})
        assert "This is not your password" in response.content.decode()
        assert has_two_factor(user)

    def test_stays_on_when_nothing_given(self, client, user):
        enrol(user)
        client.force_login(user)
        response = client.post(self.URL, {})
        assert "Give a current code or your password" in response.content.decode()
        assert has_two_factor(user)


@pytest.mark.django_db
class NewRecoveryCodesTests:
    URL = reverse("accounts:twofactor_recovery_codes")

    def test_replaces_every_old_code_when_code_right(self, client, user):
        with freeze_time("2025-03-01 10:00:00"):
            device, old = enrol(user)
        with freeze_time("2025-03-01 10:01:00"):
            client.force_login(user)
            response = client.post(self.URL, {"code": code_for(device)})
        new = recovery_codes(user)
        assert len(new) == 10 and not new & set(old)
        assert all(code in response.content.decode() for code in new)
