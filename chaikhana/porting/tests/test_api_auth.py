"""API sign-in (XML-RPC, Micropub) behind the login throttle, counted as the login page counts."""

import pytest
from django.test import RequestFactory

from chaikhana.accounts import throttle
from chaikhana.accounts.app_passwords import create_app_password
from chaikhana.core.testing.factories import BlogFactory
from chaikhana.porting.api import auth

pytestmark = pytest.mark.django_db


@pytest.fixture
def onion(settings):
    settings.ONION_HOST = "chaikhana.onion"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "chaikhana.onion"]


def request(host="testserver", address="203.0.113.9"):
    return RequestFactory().post("/xmlrpc.php", REMOTE_ADDR=address, HTTP_HOST=host)


class ApiThrottleTests:
    def test_onion_clients_are_not_pooled_when_strangers_fail_there(self, onion, user, monkeypatch):
        monkeypatch.setattr(throttle, "MAX_PER_ADDRESS", 3)  # every onion client is 127.0.0.1
        _, password = create_app_password(user=user, name="phone")
        for n in range(5):
            auth.login(request("chaikhana.onion", "127.0.0.1"), f"stranger{n}", "wrong")
        assert auth.login(request("chaikhana.onion", "127.0.0.1"), user.username, password) == user

    def test_an_address_is_still_slowed_when_it_fails_too_often_on_the_clear_web(
        self, user, monkeypatch
    ):
        monkeypatch.setattr(throttle, "MAX_PER_ADDRESS", 3)
        _, password = create_app_password(user=user, name="phone")
        for n in range(3):
            auth.login(request(), f"stranger{n}", "wrong")
        with pytest.raises(auth.Locked):
            auth.login(request(), user.username, password)

    def test_a_right_password_forgives_her_failures_at_that_address(self, user):
        _, password = create_app_password(user=user, name="phone")
        for _ in range(4):
            assert auth.login(request(), user.username, "typo") is None
        assert auth.login(request(), user.username, password) == user
        for _ in range(4):
            assert auth.login(request(), user.username, "typo") is None
        assert auth.login(request(), user.username, password) == user


class ApiScopeTests:
    def test_a_password_without_the_posts_scope_is_refused_naming_it(self, user):
        _, password = create_app_password(user=user, name="reader", scopes=["read"])
        with pytest.raises(auth.NotCovered) as refused:
            auth.login(request(), user.username, password)
        assert refused.value.scope == "posts" and "“posts”" in refused.value.message
        with pytest.raises(auth.NotCovered):
            auth.login_token(request(), password)

    def test_a_password_for_one_blog_works_at_that_blogs_endpoint_only(self, user):
        mine, other = BlogFactory(owner=user), BlogFactory(owner=user)
        _, password = create_app_password(user=user, name="one", blog_ids=[mine.pk])
        at_mine, at_other = request(), request()
        at_mine._xmlrpc_blog, at_other._xmlrpc_blog = mine.name, other.name
        assert auth.login(at_mine, user.username, password) == user
        # The network endpoint and Micropub choose the blog per call: refused while she
        # writes for a blog the password was not given.
        for attempt in (
            lambda: auth.login(at_other, user.username, password),
            lambda: auth.login(request(), user.username, password),
            lambda: auth.login_token(request(), password),
        ):
            with pytest.raises(auth.NotCovered) as refused:
                attempt()
            assert refused.value.scope is None and "limited" in refused.value.message
