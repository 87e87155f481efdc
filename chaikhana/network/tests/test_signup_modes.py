"""Sign-up as the network's settings say: open, invite-only (codes used up), closed."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone

from chaikhana.accounts import actions as account_actions
from chaikhana.accounts.models import User
from chaikhana.core.errors import ActionError
from chaikhana.core.models import InviteCode
from chaikhana.core.testing.factories import UserFactory
from chaikhana.network import actions

PASSWORD = "a long enough passphrase 42"
SIGNUP = reverse("accounts:signup")


def form(name, code=""):
    data = {"username": name, "password": PASSWORD, "password_confirm": PASSWORD}
    return {**data, "invite_code": code} if code else data


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True)


@pytest.mark.django_db
class SignUpModeTests:
    def test_closed_network_shows_a_clear_page_when_visited(self, client, staff):
        actions.update_network_settings(by=staff, signup="closed")
        response = client.get(SIGNUP)
        assert response.status_code == 403
        assert "Sign-up is closed" in response.content.decode()
        client.post(SIGNUP, form("amina"))
        assert not User.objects.filter(username="amina").exists()

    def test_invite_only_asks_for_a_code_when_visited(self, client, staff):
        actions.update_network_settings(by=staff, signup="invite")
        assert 'name="invite_code"' in client.get(SIGNUP).content.decode()

    def test_invite_code_is_used_up_when_signing_up(self, client, staff):
        actions.update_network_settings(by=staff, signup="invite")
        invite = actions.create_invite(by=staff, max_uses=1, expires_at=None)
        assert client.post(SIGNUP, form("amina", invite.code)).status_code == 302
        client.logout()
        response = client.post(SIGNUP, form("bakyt", invite.code))
        assert "unknown, used up or expired" in response.content.decode()
        assert InviteCode.objects.get().uses == 1

    def test_expired_code_is_refused_when_used(self, staff):
        actions.update_network_settings(by=staff, signup="invite")
        past = timezone.now() - timedelta(minutes=1)
        invite = actions.create_invite(by=staff, max_uses=5, expires_at=past)
        with pytest.raises(ActionError, match="expired"):
            account_actions.sign_up(username="amina", password=PASSWORD, invite_code=invite.code)

    def test_open_network_needs_no_code_when_signing_up(self, client):
        assert client.post(SIGNUP, form("amina")).status_code == 302


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serialises all writers")
@pytest.mark.django_db(transaction=True)
class InviteRaceTests:
    def test_one_sign_up_wins_when_two_race_for_the_last_use(self):
        staff = UserFactory(is_staff=True)
        actions.update_network_settings(by=staff, signup="invite")
        invite = actions.create_invite(by=staff, max_uses=1, expires_at=None)
        barrier, outcomes = threading.Barrier(2), []

        def sign_up(name):
            barrier.wait()
            try:
                account_actions.sign_up(username=name, password=PASSWORD, invite_code=invite.code)
                outcomes.append("won")
            except ActionError:
                outcomes.append("refused")
            finally:
                connections.close_all()

        threads = [threading.Thread(target=sign_up, args=(n,)) for n in ("amina", "bakyt")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(outcomes) == ["refused", "won"]
        assert InviteCode.objects.get().uses == 1
