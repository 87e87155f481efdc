"""Logging in and out."""

import pytest
from django.contrib.auth import get_user
from django.urls import reverse

from chaikhana.core.testing.factories import PASSWORD, UserFactory

URL = reverse("accounts:login")


@pytest.mark.django_db
class LoginTests:
    def test_opens_dashboard_when_password_right(self, client, user):
        response = client.post(URL, {"username": user.username, "password": PASSWORD})
        assert response.status_code == 302
        assert response.url == reverse("writing:dashboard")
        assert get_user(client) == user

    def test_ignores_case_of_username(self, client):
        user = UserFactory(username="Бактыгүл")
        client.post(URL, {"username": "бактыгүл", "password": PASSWORD})
        assert get_user(client) == user

    def test_shows_error_and_keeps_username_when_password_wrong(self, client, user):
        response = client.post(URL, {"username": user.username, "password": "wrong"})
        assert response.status_code == 200
        html = response.content.decode()
        assert 'role="alert"' in html
        assert "Wrong username or password" in html
        assert f'value="{user.username}"' in html
        assert not get_user(client).is_authenticated

    def test_logout_refuses_get(self, client, user):
        client.force_login(user)
        assert client.get(reverse("accounts:logout")).status_code == 405
        assert get_user(client).is_authenticated

    def test_logout_ends_session_when_posted(self, client, user):
        client.force_login(user)
        response = client.post(reverse("accounts:logout"))
        assert response.status_code == 302
        assert not get_user(client).is_authenticated
