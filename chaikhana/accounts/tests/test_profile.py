"""The private profile: display name, bio, interface language, optional email."""

import pytest
from django.conf import settings
from django.urls import reverse

from chaikhana.core.testing.factories import PASSWORD, UserFactory

URL = reverse("accounts:profile")


def _save(client, **overrides):
    data = {"display_name": "Ай", "bio": "", "language": "", "email": "", **overrides}
    return client.post(URL, data)


@pytest.mark.django_db
class ProfileTests:
    def test_asks_to_log_in_when_anonymous(self, client):
        response = client.get(URL)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))

    def test_saves_display_name_bio_and_email(self, client, user):
        client.force_login(user)
        response = _save(client, bio="Пишу о Нарыне.", email="me@example.org")
        assert response.status_code == 302
        user.refresh_from_db()
        saved = (user.display_name, user.bio, user.email)
        assert saved == ("Ай", "Пишу о Нарыне.", "me@example.org")

    def test_refuses_email_when_another_account_has_it(self, client, user):
        UserFactory(email="taken@example.org")
        client.force_login(user)
        response = _save(client, email="Taken@Example.org", display_name="Kept")
        assert "already uses" in " ".join(response.context["form"].errors["email"])
        assert 'value="Kept"' in response.content.decode()
        user.refresh_from_db()
        assert user.email == "" and user.display_name == ""

    def test_refuses_language_when_not_offered(self, client, user):
        client.force_login(user)
        response = _save(client, language="fr")
        assert response.context["form"].errors["language"]

    def test_shows_russian_interface_on_next_request_when_russian_chosen(self, client, user):
        client.force_login(user)
        _save(client, language="ru")
        html = client.get(URL).content.decode()
        assert '<html lang="ru">' in html
        assert "Английский" in html  # "English", named in Russian by Django's catalogue

    def test_keeps_language_after_logout_when_chosen(self, client, user):
        client.force_login(user)
        _save(client, language="ky")
        assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ky"
        client.post(reverse("accounts:logout"))
        assert '<html lang="ky">' in client.get(reverse("accounts:login")).content.decode()

    def test_forgets_language_cookie_when_browser_followed_again(self, client, user):
        client.force_login(user)
        _save(client, language="ru")
        _save(client, language="")
        assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == ""


@pytest.mark.django_db
class PasswordResetTests:
    URL = reverse("accounts:password_reset")

    def test_page_says_reset_needs_an_email(self, client):
        assert "only for an account that has an email" in client.get(self.URL).content.decode()

    def test_sends_link_when_account_has_the_email(self, client, mailoutbox):
        UserFactory(email="aigul@example.org")
        response = client.post(self.URL, {"email": "aigul@example.org"})
        assert response.url == reverse("accounts:password_reset_done")
        assert len(mailoutbox) == 1
        assert "/accounts/password/reset/" in mailoutbox[0].body

    def test_sends_nothing_when_no_account_has_the_email(self, client, mailoutbox, user):
        response = client.post(self.URL, {"email": "nobody@example.org"})
        assert response.url == reverse("accounts:password_reset_done")
        assert mailoutbox == []

    def test_link_in_email_lets_her_set_a_new_password(self, client, mailoutbox):
        user = UserFactory(email="aigul@example.org")
        client.post(self.URL, {"email": "aigul@example.org"})
        link = next(line for line in mailoutbox[0].body.splitlines() if "://" in line)
        form_page = client.get(link.split("testserver", 1)[1], follow=True)
        new = PASSWORD + " again"
        done = client.post(
            form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
        )
        assert done.url == reverse("accounts:password_reset_complete")
        user.refresh_from_db()
        assert user.check_password(new)


@pytest.mark.django_db
class PasswordChangeTests:
    def test_changes_password_when_old_one_right(self, client, user):
        client.force_login(user)
        new = PASSWORD + " again"
        response = client.post(
            reverse("accounts:password_change"),
            {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
        )
        assert response.url == reverse("accounts:password_change_done")
        user.refresh_from_db()
        assert user.check_password(new)
