"""Honeypot, timing token and rate limits: what a script trips over and a person does not."""

from datetime import UTC, datetime, timedelta

from django.core import signing
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from chaikhana.comments.spam.forms import (
    HONEYPOT_FIELD,
    SALT,
    TOKEN_FIELD,
    check_submission,
    issue_token,
)
from chaikhana.comments.spam.ratelimit import check_rate
from chaikhana.core.ratelimit import request_address_hash

RENDERED = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def submitted(after: timedelta, **extra):
    return {TOKEN_FIELD: issue_token(RENDERED), HONEYPOT_FIELD: "", **extra}, RENDERED + after


def codes(signals):
    return [s.code for s in signals]


class CheckSubmissionTests:
    def test_person_who_took_a_minute_passes(self):
        data, now = submitted(timedelta(minutes=1))
        assert check_submission(data, now) == []

    def test_filled_honeypot_is_spam(self):
        data, now = submitted(timedelta(minutes=1), **{HONEYPOT_FIELD: "http://spam.example"})
        assert [(s.verdict, s.code) for s in check_submission(data, now)] == [("spam", "honeypot")]

    def test_submission_within_three_seconds_is_held(self):
        data, now = submitted(timedelta(seconds=2))
        assert [(s.verdict, s.code) for s in check_submission(data, now)] == [("hold", "too-fast")]

    @override_settings(SPAM_MIN_FORM_SECONDS=10)
    def test_minimum_time_follows_the_setting(self):
        data, now = submitted(timedelta(seconds=5))
        assert codes(check_submission(data, now)) == ["too-fast"]

    def test_token_older_than_a_day_is_held(self):
        data, now = submitted(timedelta(days=1, minutes=1))
        assert codes(check_submission(data, now)) == ["stale-token"]

    def test_replayed_token_is_held_the_second_time(self):
        data, now = submitted(timedelta(minutes=1))
        check_submission(data, now)
        assert codes(check_submission(data, now + timedelta(seconds=5))) == ["replayed-token"]

    @override_settings(SPAM_SHARED_TOKEN_USES=3)
    def test_shared_token_of_a_cached_page_is_counted_and_held_past_its_uses(self):
        data = {TOKEN_FIELD: issue_token(RENDERED, shared=True), HONEYPOT_FIELD: ""}
        now = RENDERED + timedelta(minutes=1)
        assert [codes(check_submission(data, now)) for _ in range(3)] == [[], [], []]
        assert codes(check_submission(data, now)) == ["replayed-token"]

    def test_token_whose_payload_is_not_a_mapping_is_held_not_a_500(self):
        odd = signing.dumps([1, 2], salt=SALT)
        assert codes(check_submission({TOKEN_FIELD: odd}, RENDERED)) == ["bad-token"]

    def test_missing_or_forged_token_is_held(self):
        now = RENDERED + timedelta(minutes=1)
        assert codes(check_submission({}, now)) == ["no-token"]
        forged = issue_token(RENDERED)[:-3] + "abc"
        assert codes(check_submission({TOKEN_FIELD: forged}, now)) == ["bad-token"]


class CheckRateTests:
    def test_sixth_comment_in_a_minute_from_one_address_is_held(self):
        verdicts = [check_rate(account_id=None, address="h1", now=RENDERED) for _ in range(6)]
        assert verdicts[4] == []
        assert [(s.verdict, s.code) for s in verdicts[5]] == [("hold", "rate-address")]

    def test_the_next_minute_starts_afresh(self):
        for _ in range(6):
            check_rate(account_id=None, address="h1", now=RENDERED)
        assert check_rate(account_id=None, address="h1", now=RENDERED + timedelta(minutes=1)) == []

    @override_settings(SPAM_RATE_LIMITS={"account": [(3600, 2)], "address": []})
    def test_account_limit_holds_whatever_the_address(self):
        for address in ("a", "b"):
            check_rate(account_id=7, address=address, now=RENDERED)
        assert codes(check_rate(account_id=7, address="c", now=RENDERED)) == ["rate-account"]

    def test_cache_keys_carry_only_the_hash(self):
        check_rate(
            account_id=None,
            address=request_address_hash(
                RequestFactory().post("/", REMOTE_ADDR="198.51.100.23"), now=RENDERED
            ),
            now=RENDERED,
        )
        # Whichever backend the run uses: django-redis lists this worker's keys, LocMem holds them.
        keys = list(cache.keys("*")) if hasattr(cache, "keys") else list(cache._cache)
        assert keys and not any("198.51.100.23" in str(k) for k in keys)


class SharedTokenTests:
    """A cached page's token is the same for every rendering of that page in a window, so a
    reader coming back gets a 304 (the page's ETag does not change with each rendering)."""

    def test_same_page_in_the_same_window_gets_the_same_token(self):
        later = RENDERED + timedelta(minutes=3)
        assert issue_token(RENDERED, shared=True, scope="post-1") == issue_token(
            later, shared=True, scope="post-1"
        )

    def test_other_pages_and_the_next_window_get_other_tokens(self):
        token = issue_token(RENDERED, shared=True, scope="post-1")
        assert token != issue_token(RENDERED, shared=True, scope="post-2")
        assert token != issue_token(RENDERED + timedelta(minutes=11), shared=True, scope="post-1")

    def test_shared_token_is_accepted_once_a_person_could_have_written(self):
        token = issue_token(RENDERED, shared=True, scope="post-1")
        data = {TOKEN_FIELD: token}
        assert check_submission(data, RENDERED + timedelta(minutes=2)) == []
