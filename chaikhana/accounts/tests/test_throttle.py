"""Failed-login throttling per (address, account), ceilings per address and account; no raw
address kept."""

import pickle
import time

import pytest
from django.contrib.auth import get_user
from django.core.cache import cache
from django.urls import reverse

from chaikhana.accounts import throttle
from chaikhana.core.testing.factories import PASSWORD, UserFactory

URL = reverse("accounts:login")
ADDRESS = "203.0.113.9"


def _login(client, username, password, address=ADDRESS):
    return client.post(URL, {"username": username, "password": password}, REMOTE_ADDR=address)


def _stored_items():
    """Every key and value in the cache, whichever backend the run uses."""
    if hasattr(cache, "keys"):  # django-redis, scoped to this worker's key prefix
        return {key: repr(cache.get(key)) for key in cache.keys("*")}
    # LocMemCache: full key -> pickled value
    return {key: repr(pickle.loads(value)) for key, value in cache._cache.items()}  # noqa: S301


def _fail(client, username, times, address=ADDRESS):
    for _ in range(times):
        _login(client, username, "wrong password", address)


@pytest.mark.django_db
class LoginThrottleTests:
    def test_refuses_right_password_when_username_failed_five_times(self, client, user):
        _fail(client, user.username.upper(), 5)
        response = _login(client, user.username, PASSWORD)
        assert response.status_code == 200
        assert "Too many failed attempts. Try again in 15 minutes." in response.content.decode()
        assert not get_user(client).is_authenticated

    def test_allows_login_when_username_failed_four_times(self, client, user):
        _fail(client, user.username, 4)
        _login(client, user.username, PASSWORD)
        assert get_user(client).is_authenticated

    def test_success_clears_username_failures(self, client, user):
        _fail(client, user.username, 4)
        _login(client, user.username, PASSWORD)
        client.logout()
        _fail(client, user.username, 4)
        _login(client, user.username, PASSWORD)
        assert get_user(client).is_authenticated

    def test_other_addresses_unaffected_when_account_failed_five_times_at_one(self, client, user):
        _fail(client, user.username, 5)
        _login(client, user.username, PASSWORD, address="192.0.2.77")
        assert get_user(client).is_authenticated

    def test_allows_correct_login_when_address_failed_twenty_times_with_invented_names(
        self, client, user
    ):
        for n in range(20):
            _fail(client, f"stranger{n}", 1)
        _login(client, user.username, PASSWORD)
        assert get_user(client).is_authenticated

    def test_slows_whole_address_for_a_minute_when_it_reaches_its_ceiling(self, client, user):
        for n in range(throttle.MAX_PER_ADDRESS):
            throttle.record_failure(username=f"stranger{n}", address=ADDRESS)
        response = _login(client, user.username, PASSWORD)
        assert "from your network" in response.content.decode()
        assert "Try again in 1 minute." in response.content.decode()
        assert not get_user(client).is_authenticated

    def test_slows_account_from_everywhere_when_it_reaches_its_ceiling(self, client, user):
        for n in range(throttle.MAX_PER_ACCOUNT):
            throttle.record_failure(username=user.username, address=f"198.51.{n // 250}.{n % 250}")
        response = _login(client, user.username, PASSWORD, address="192.0.2.77")
        assert "Too many failed attempts. Try again in 1 minute." in response.content.decode()

    def test_address_ceiling_ends_after_a_minute(self, client, user, monkeypatch):
        for n in range(throttle.MAX_PER_ADDRESS):
            throttle.record_failure(username=f"stranger{n}", address=ADDRESS)
        later = time.time() + throttle.SLOWDOWN + 1
        monkeypatch.setattr(time, "time", lambda: later)
        _login(client, user.username, PASSWORD)
        assert get_user(client).is_authenticated


@pytest.mark.django_db
class OnionLoginThrottleTests:
    @pytest.fixture(autouse=True)
    def onion(self, settings):
        settings.ONION_HOST = "chaikhana.onion"
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "chaikhana.onion"]

    def _onion_login(self, client, username, password):
        return client.post(
            URL,
            {"username": username, "password": password},
            REMOTE_ADDR="127.0.0.1",
            HTTP_HOST="chaikhana.onion",
        )

    def test_onion_readers_not_pooled_when_strangers_fail_many_times(self, client, user):
        for n in range(throttle.MAX_PER_ADDRESS):
            self._onion_login(client, f"stranger{n}", "wrong password")
        self._onion_login(client, user.username, PASSWORD)
        assert get_user(client).is_authenticated

    def test_slows_account_on_onion_when_it_failed_five_times_there(self, client, user):
        for _ in range(5):
            self._onion_login(client, user.username, "wrong password")
        response = self._onion_login(client, user.username, PASSWORD)
        assert "Too many failed attempts. Try again in 15 minutes." in response.content.decode()

    def test_clearnet_loopback_unaffected_when_onion_failures_pile_up(self, client, user):
        for _ in range(5):
            self._onion_login(client, user.username, "wrong password")
        _login(client, user.username, PASSWORD, address="127.0.0.1")
        assert get_user(client).is_authenticated

    def test_lock_ends_after_fifteen_minutes(self, client, user, monkeypatch):
        _fail(client, user.username, 5)
        later = time.time() + throttle.LOCKOUT + 1
        monkeypatch.setattr(time, "time", lambda: later)  # the cache's clock too
        _login(client, user.username, PASSWORD)
        assert get_user(client).is_authenticated

    def test_cache_holds_no_raw_address(self, client):
        UserFactory()
        _fail(client, "someone", 20)
        stored = _stored_items()
        assert any("login-fail:addr:" in key for key in stored), "failures were recorded"
        for key, value in stored.items():
            assert ADDRESS not in key
            assert ADDRESS not in value
