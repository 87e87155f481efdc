"""Signing up: a username and a password, an optional email, clear messages otherwise."""

import pytest
from django.contrib.auth import get_user
from django.test import override_settings
from django.urls import reverse

from chaikhana.accounts import throttle
from chaikhana.accounts.actions import sign_up
from chaikhana.accounts.models import User
from chaikhana.core import network_settings
from chaikhana.core.models import InviteCode, NetworkSettings
from chaikhana.core.testing.factories import PASSWORD, UserFactory

URL = reverse("accounts:signup")


def _post(client, **overrides):
    data = {
        "username": "Айгуль",
        "email": "",
        "password": PASSWORD,
        "password_confirm": PASSWORD,
        **overrides,
    }
    return client.post(URL, data)


def _field_errors(response, field):
    return response.context["form"].errors.get(field, [])


@pytest.mark.django_db
class SignUpTests:
    def test_page_has_labelled_fields(self, client):
        html = client.get(URL).content.decode()
        for field in ("username", "email", "password", "password_confirm"):
            assert f'<label for="id_{field}"' in html

    def test_logs_in_and_opens_dashboard_when_username_and_password_given(self, client):
        response = _post(client)
        assert response.status_code == 302
        assert response.url == reverse("writing:dashboard")
        user = get_user(client)
        assert user.is_authenticated and user.username == "Айгуль"
        assert user.email == ""

    def test_mails_a_confirmation_link_when_email_given(
        self, client, mailoutbox, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = _post(client, email="aigul@example.org")
        assert response.status_code == 302
        assert [m.to for m in mailoutbox] == [["aigul@example.org"]]
        assert "/accounts/email/" in mailoutbox[0].body
        assert User.objects.get(username="Айгуль").email == ""  # until she follows the link
        page = client.get(response.url).content.decode()
        assert "We have sent a message to aigul@example.org" in page

    def test_refuses_username_when_taken_in_another_case(self, client):
        UserFactory(username="айгуль")
        response = _post(client, username="АЙГУЛЬ")
        assert response.status_code == 200
        assert "taken" in " ".join(_field_errors(response, "username"))
        assert 'value="АЙГУЛЬ"' in response.content.decode()
        assert User.objects.filter(username="АЙГУЛЬ").count() == 0

    def test_refuses_email_when_malformed(self, client):
        response = _post(client, email="not-an-address")
        assert _field_errors(response, "email")
        assert 'value="Айгуль"' in response.content.decode()
        assert not User.objects.filter(username="Айгуль").exists()

    def test_answers_alike_and_mails_owner_when_another_account_has_the_email(
        self, client, mailoutbox, django_capture_on_commit_callbacks
    ):
        UserFactory(email="aigul@example.org")
        with django_capture_on_commit_callbacks(execute=True):
            response = _post(client, email="AIGUL@example.org")
        assert response.status_code == 302
        page = client.get(response.url).content.decode()
        assert "We have sent a message to AIGUL@example.org" in page
        assert "already" not in page
        assert User.objects.get(username="Айгуль").email == ""
        assert [m.to for m in mailoutbox] == [["aigul@example.org"]]
        assert "Someone tried to use your email address" in mailoutbox[0].subject
        assert "/accounts/email/" not in mailoutbox[0].body

    def test_refuses_password_when_weak(self, client):
        response = _post(client, password="12345678", password_confirm="12345678")
        assert "too common" in " ".join(_field_errors(response, "password"))
        html = response.content.decode()
        assert 'value="Айгуль"' in html
        assert 'aria-invalid="true"' in html
        assert not User.objects.filter(username="Айгуль").exists()

    def test_refuses_password_when_confirmation_differs(self, client):
        response = _post(client, password_confirm=PASSWORD + "!")
        assert "differ" in " ".join(_field_errors(response, "password_confirm"))
        assert 'value="Айгуль"' in response.content.decode()
        assert 'id="id_password_confirm_error"' in response.content.decode()

    def test_refuses_username_when_it_has_spaces(self, client):
        response = _post(client, username="two words")
        assert _field_errors(response, "username")
        assert not User.objects.exists()


@pytest.mark.django_db
class SignUpActionTests:
    @override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.Argon2PasswordHasher"])
    def test_stores_an_argon2_hash_when_argon2_configured(self):
        user = sign_up(username="argon", password=PASSWORD)
        assert user.password.startswith("argon2")
        assert user.check_password(PASSWORD)


@pytest.mark.django_db
class SignUpFormTests:
    def test_shows_every_mistake_at_once_when_several(self, client):
        response = _post(client, email="nope", password="1234", password_confirm="4321")
        errors = response.context["form"].errors
        assert set(errors) == {"email", "password", "password_confirm"}


@pytest.fixture
def invite_only(db):
    NetworkSettings.objects.update_or_create(pk=1, defaults={"signup": "invite"})
    network_settings.invalidate()
    return InviteCode.objects.create(code="chai-2026", max_uses=5)


@pytest.mark.django_db
class SignUpInviteFirstTests:
    def test_says_only_the_invite_is_wrong_when_username_and_email_are_taken(
        self, client, invite_only, mailoutbox, django_capture_on_commit_callbacks
    ):
        UserFactory(username="айгуль", email="aigul@example.org")
        with django_capture_on_commit_callbacks(execute=True):
            response = _post(client, invite_code="wrong", email="aigul@example.org")
        assert dict(response.context["form"].errors) == {
            "invite_code": ["This invite code is unknown, used up or expired."]
        }
        assert "taken" not in response.content.decode()
        assert mailoutbox == []

    def test_says_username_is_taken_when_invite_is_right(self, client, invite_only):
        UserFactory(username="айгуль")
        response = _post(client, invite_code="chai-2026")
        assert "taken" in " ".join(_field_errors(response, "username"))
        invite_only.refresh_from_db()
        assert invite_only.uses == 0  # the failed sign-up gave the use back

    def test_slows_taken_username_answers_when_one_address_tries_many(self, client, invite_only):
        UserFactory(username="айгуль")
        for _ in range(throttle.MAX_TAKEN_PER_SIGNUP_SOURCE):
            _post(client, invite_code="chai-2026", username="АЙГУЛЬ")
        response = _post(client, invite_code="chai-2026", username="fresh-name")
        assert "Too many tries of taken usernames" in response.content.decode()
        assert not User.objects.filter(username="fresh-name").exists()

    def test_other_invite_codes_unaffected_when_one_is_slowed(self, client, invite_only):
        InviteCode.objects.create(code="chai-other", max_uses=1)
        UserFactory(username="айгуль")
        for _ in range(throttle.MAX_TAKEN_PER_SIGNUP_SOURCE):
            _post(client, invite_code="chai-2026", username="АЙГУЛЬ")
        assert _post(client, invite_code="chai-other", username="fresh-name").status_code == 302
