"""Confirming a new email address by the link mailed to it."""

import re

import pytest
from django.core import signing
from django.urls import reverse

from chaikhana.accounts import email_links
from chaikhana.accounts.models import User
from chaikhana.core.testing.factories import UserFactory


def _link(mailoutbox):
    found = re.search(r"https?://[^/\s]+(/accounts/email/\S+/)", mailoutbox[-1].body)
    assert found, mailoutbox[-1].body
    return found.group(1)


@pytest.fixture
def asked(client, user, mailoutbox, django_capture_on_commit_callbacks):
    """She has saved a new address in her profile; the link is in the mailbox."""
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("accounts:profile"),
            {"display_name": "", "bio": "", "language": "", "email": "new@example.org"},
        )
    return _link(mailoutbox)


@pytest.mark.django_db
class EmailConfirmationTests:
    def test_changes_nothing_when_link_only_opened(self, client, user, asked):
        response = client.get(asked)
        assert "new@example.org" in response.content.decode()
        user.refresh_from_db()
        assert user.email == ""

    def test_sets_address_when_confirmed(self, client, user, asked):
        response = client.post(asked)
        assert response.url == reverse("accounts:profile")
        user.refresh_from_db()
        assert user.email == "new@example.org"

    def test_sets_address_when_confirmed_from_another_browser(self, client, user, asked):
        client.logout()
        assert client.post(asked).url == reverse("accounts:login")
        user.refresh_from_db()
        assert user.email == "new@example.org"

    def test_refuses_link_when_tampered_with(self, client, asked):
        response = client.get(asked.replace("/accounts/email/", "/accounts/email/x"))
        assert response.status_code == 400
        assert "broken" in response.content.decode()

    def test_refuses_old_link_when_address_changed_since(self, client, user, asked):
        User.objects.filter(pk=user.pk).update(email="later@example.org")
        response = client.post(asked)
        assert response.status_code == 409
        assert "out of date" in response.content.decode()
        user.refresh_from_db()
        assert user.email == "later@example.org"

    def test_refuses_when_another_account_took_the_address_meanwhile(self, client, user, asked):
        UserFactory(email="NEW@example.org")
        response = client.post(asked)
        assert response.status_code == 409
        user.refresh_from_db()
        assert user.email == ""

    def test_refuses_link_when_older_than_three_days(self, client, user, monkeypatch):
        token = email_links.make_token(user_id=user.pk, email="a@example.org", previous="")
        real_loads = signing.loads
        monkeypatch.setattr(
            signing, "loads", lambda *a, **kw: real_loads(*a, **{**kw, "max_age": -1})
        )
        response = client.get(reverse("accounts:email_confirm", kwargs={"token": token}))
        assert response.status_code == 400
