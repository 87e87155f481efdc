"""The one rate-limit counter and the one address hash every limit uses."""

from __future__ import annotations

import pickle
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.core.cache import cache
from django.test import RequestFactory

import chaikhana
from chaikhana.core import ratelimit
from chaikhana.core.ratelimit import address_hash, hit, request_address_hash

NOW = datetime(2026, 11, 24, 12, 0, 30, tzinfo=UTC)


def _stored() -> str:
    """Every key and value in the cache as text, whichever backend the run uses."""
    if hasattr(cache, "keys"):  # django-redis, scoped to this worker's key prefix
        return repr({key: cache.get(key) for key in cache.keys("*")})
    return repr({k: pickle.loads(v) for k, v in cache._cache.items()})  # noqa: S301


class AddressHashTests:
    def test_hash_never_contains_the_address_and_rotates_daily(self):
        today = address_hash("203.0.113.7", now=NOW)
        assert "203.0.113.7" not in today
        assert len(today) == 64 and today != address_hash("203.0.113.7", now=NOW + timedelta(1))

    def test_one_ipv6_household_is_one_address_when_it_shares_a_64(self):
        one = address_hash("2001:db8:1:2::1", now=NOW)
        assert one == address_hash("2001:db8:1:2:ffff::9", now=NOW)
        assert one != address_hash("2001:db8:1:3::1", now=NOW)

    def test_host_names_hash_alike_when_only_their_case_differs(self):
        assert address_hash("Blog.Example", now=NOW) == address_hash("blog.example", now=NOW)

    def test_no_address_gives_no_hash(self):
        assert address_hash("  ") == ""
        assert request_address_hash(RequestFactory().post("/", REMOTE_ADDR="")) == ""

    def test_request_hash_is_the_hash_of_the_address_behind_trusted_proxies(self, settings):
        settings.TRUSTED_PROXY_HOPS = 1
        request = RequestFactory().post(
            "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.1"
        )
        assert request_address_hash(request, now=NOW) == address_hash("198.51.100.1", now=NOW)


class HitTests:
    def test_counts_up_within_one_window(self):
        assert [hit("test", "s", window=60, now=NOW) for _ in range(3)] == [1, 2, 3]

    def test_next_window_starts_afresh(self):
        hit("test", "s", window=60, now=NOW)
        assert hit("test", "s", window=60, now=NOW + timedelta(minutes=1)) == 1

    def test_scopes_and_subjects_count_apart(self):
        hit("test", "s", window=60, now=NOW)
        assert hit("other", "s", window=60, now=NOW) == 1
        assert hit("test", "t", window=60, now=NOW) == 1

    def test_forget_starts_the_count_again_and_lifts_a_lock(self):
        hit("test", "s", window=60)
        ratelimit.lock("test", "s", seconds=60)
        ratelimit.forget("test", "s", window=60)
        assert hit("test", "s", window=60) == 1
        assert ratelimit.seconds_locked(("test", "s")) == 0

    def test_lock_holds_for_its_seconds_when_any_subject_is_locked(self):
        ratelimit.lock("test", "s", seconds=90)
        assert 89 <= ratelimit.seconds_locked(("other", "t"), ("test", "s")) <= 90

    def test_cache_holds_no_raw_address_when_an_address_is_counted(self):
        hit("test", address_hash("198.51.100.23"), window=60)
        stored = _stored()
        assert "rate:test:" in stored and "198.51.100.23" not in stored


class OneLimiterTests:
    def test_no_other_module_hashes_or_counts_addresses_when_one_is_added(self):
        root = Path(chaikhana.__file__).parent
        own = re.compile(r"hmac\.new\(|cache\.incr\(")
        others = {
            str(path.relative_to(root))
            for path in root.rglob("*.py")
            if "tests" not in path.parts and own.search(path.read_text())
        }
        # The page cache's generations, the story counter and the form tokens' replay count
        # count, but not people.
        assert others == {
            "core/ratelimit.py",
            "reading/cache/invalidation.py",
            "portal/figures/counter.py",
            "comments/spam/forms.py",
            # Mailboxes, not network addresses: the bounce list keeps a keyed hash of an email.
            "newsletters/addresses.py",
            # A webhook message's signature (Standard Webhooks), not a count of anyone.
            "webhooks/signing.py",
        }


# django-redis as settings.py configures it, on a port where nothing listens: Redis stopped.
REDIS_AWAY = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "IGNORE_EXCEPTIONS": True},
    }
}


class CacheAwayTests:
    def test_comment_and_outbound_limits_count_as_over_when_the_cache_is_away(self, settings):
        settings.CACHES = REDIS_AWAY
        for scope in ("spam-address", "linkbacks-source", "fed-inbox", "email-mail"):
            assert hit(scope, "someone", window=60) > 10**6, scope

    def test_sign_in_limits_count_as_under_and_lock_nobody_when_the_cache_is_away(self, settings):
        settings.CACHES = REDIS_AWAY
        assert hit("login-fail:pair", "someone", window=60) == 0
        ratelimit.lock("login-fail:pair", "someone", seconds=60)
        assert ratelimit.seconds_locked(("login-fail:pair", "someone")) == 0
