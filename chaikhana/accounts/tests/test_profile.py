"""The private profile: display name, bio, interface language, optional email."""

import pytest
from django.conf import settings
from django.test import Client
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

    def test_saves_display_name_and_bio_and_mails_link_to_new_email(
        self, client, user, mailoutbox, django_capture_on_commit_callbacks
    ):
        client.force_login(user)
        with django_capture_on_commit_callbacks(execute=True):
            response = _save(client, bio="Пишу о Нарыне.", email="me@example.org")
        assert response.status_code == 302
        user.refresh_from_db()
        assert (user.display_name, user.bio, user.email) == ("Ай", "Пишу о Нарыне.", "")
        assert [m.to for m in mailoutbox] == [["me@example.org"]]
        page = client.get(response.url).content.decode()
        assert "We have sent a message to me@example.org" in page

    def test_answers_alike_and_mails_owner_when_another_account_has_the_email(
        self, client, user, mailoutbox, django_capture_on_commit_callbacks
    ):
        UserFactory(email="taken@example.org")
        client.force_login(user)
        with django_capture_on_commit_callbacks(execute=True):
            response = _save(client, email="Taken@Example.org", display_name="Kept")
        assert response.status_code == 302
        page = client.get(response.url).content.decode()
        assert "We have sent a message to Taken@Example.org" in page
        assert "already" not in page
        user.refresh_from_db()
        assert (user.email, user.display_name) == ("", "Kept")
        assert [m.to for m in mailoutbox] == [["taken@example.org"]]
        assert "/accounts/email/" not in mailoutbox[0].body

    def test_removes_email_at_once_when_emptied(self, client, mailoutbox):
        user = UserFactory(email="me@example.org")
        client.force_login(user)
        _save(client, email="")
        user.refresh_from_db()
        assert user.email == "" and mailoutbox == []

    def test_refuses_more_address_changes_when_many_asked_within_an_hour(self, client, user):
        client.force_login(user)
        for n in range(5):
            assert _save(client, email=f"me{n}@example.org").status_code == 302
        response = _save(client, email="me9@example.org")
        assert "many address changes" in response.content.decode()

    def test_mails_one_mailbox_at_most_three_times_a_day_when_asked_often(
        self, client, mailoutbox, django_capture_on_commit_callbacks
    ):
        UserFactory(email="target@example.org")
        for _ in range(5):
            client.force_login(UserFactory())
            with django_capture_on_commit_callbacks(execute=True):
                _save(client, email="target@example.org")
        assert len(mailoutbox) == 3

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

    def test_sends_at_most_three_links_an_hour_when_one_address_asks_for_one_mailbox(
        self, client, mailoutbox
    ):
        UserFactory(email="aigul@example.org")
        answers = [client.post(self.URL, {"email": "AIGUL@example.org"}) for _ in range(5)]
        assert [a.url for a in answers] == [reverse("accounts:password_reset_done")] * 5
        assert len(mailoutbox) == 3

    def test_the_answer_is_the_same_whether_or_not_the_mailbox_has_an_account(self, client):
        UserFactory(email="aigul@example.org")
        for email in ("aigul@example.org", "nobody@example.org"):
            answers = {client.post(self.URL, {"email": email}).url for _ in range(5)}
            assert answers == {reverse("accounts:password_reset_done")}

    def test_another_address_still_gets_her_link_when_someone_else_asked_too_often(
        self, mailoutbox
    ):
        UserFactory(email="aigul@example.org")
        stranger, owner = Client(REMOTE_ADDR="203.0.113.7"), Client(REMOTE_ADDR="198.51.100.4")
        for _ in range(5):
            stranger.post(self.URL, {"email": "aigul@example.org"})
        owner.post(self.URL, {"email": "aigul@example.org"})
        assert len(mailoutbox) == 4  # the stranger's three, and hers

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
