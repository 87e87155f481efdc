"""Signing up: a username and a password, an optional email, clear messages otherwise."""

import pytest
from django.contrib.auth import get_user
from django.test import override_settings
from django.urls import reverse

from chaikhana.accounts.actions import sign_up
from chaikhana.accounts.models import User
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

    def test_keeps_email_when_one_given(self, client):
        _post(client, email="aigul@example.org")
        assert User.objects.get(username="Айгуль").email == "aigul@example.org"

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

    def test_refuses_email_when_another_account_has_it_in_another_case(self, client):
        UserFactory(email="aigul@example.org")
        response = _post(client, email="AIGUL@example.org")
        assert "already uses" in " ".join(_field_errors(response, "email"))
        assert not User.objects.filter(username="Айгуль").exists()

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
