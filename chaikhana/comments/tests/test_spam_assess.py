"""assess(), blocklists, moderators' decisions, statistics and the Akismet adapter."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from chaikhana.comments.spam import actions, learning
from chaikhana.comments.spam.assessment import assess
from chaikhana.comments.spam.forms import TOKEN_FIELD, issue_token
from chaikhana.comments.spam.statistics import spam_statistics
from chaikhana.core.errors import ActionError
from chaikhana.core.testing.factories import UserFactory
from chaikhana.core.testing.localserver import LocalServer

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def judge(text, links=(), form_data=None, address="192.0.2.1"):
    if form_data is None:
        form_data = {TOKEN_FIELD: issue_token(NOW - timedelta(minutes=2))}
    request = RequestFactory().post("/", REMOTE_ADDR=address)
    return assess(
        text=text,
        links=list(links),
        author_name="Айгуль",
        email="",
        user=AnonymousUser(),
        request=request,
        form_data=form_data,
        now=NOW,
    )


@pytest.fixture
def taught(db):
    for text in ["Воду отключили в Джале", "Спасибо за статью про автобусы", "Школа ремонт"] * 10:
        learning.learn(text, is_spam=False, sign=1)
    for text in ["Казино бонус займ без отказа", "Free spins casino bonus"] * 15:
        learning.learn(text, is_spam=True, sign=1)


class AssessTests:
    def test_ordinary_comment_is_approved_with_no_reasons(self, taught):
        result = judge("Воду отключили и у нас в Джале")
        assert (result.verdict, result.reasons) == ("approve", [])

    def test_spammy_text_is_spam_and_says_why(self, taught):
        result = judge("Казино! Бонус и займ без отказа")
        assert result.verdict == "spam" and "filter-spam" in result.reasons
        assert result.score > 0.9

    def test_untrained_filter_abstains_so_nothing_is_held_by_it(self, db):
        # An untrained filter has no opinion: the blog's policy decides (it used to hold all).
        result = judge("Первый комментарий в сети")
        assert (result.verdict, result.reasons, result.score) == ("approve", [], 0.5)

    def test_unsure_filter_notes_it_but_does_not_hold(self, taught):
        result = judge("Спасибо")  # one known token: thin evidence, pulled toward 0.5
        assert (result.verdict, result.reasons) == ("approve", ["filter-unsure"])

    def test_seeded_filter_files_obvious_spam_as_spam(self, db):
        actions.seed_filter(now=NOW)
        result = judge("Займ на карту без отказа! Казино бонус 300% https://azino-win.site")
        assert result.verdict == "spam" and "filter-spam" in result.reasons

    def test_blocked_link_domain_in_links_or_text_is_spam(self, taught):
        actions.add_blocked_domain(domain="https://www.Bad-Pills.example/")
        assert judge("Воду отключили", links=["http://shop.bad-pills.example/x"]).verdict == "spam"
        assert "blocked-domain" in judge("Воду отключили www.bad-pills.example").reasons

    def test_blocked_word_holds_a_comment_that_would_pass(self, taught):
        actions.add_blocked_word(word="  Школа  ")
        result = judge("Воду отключили, школа закрыта")
        assert (result.verdict, result.reasons) == ("hold", ["blocked-word"])

    def test_blocked_word_matches_whole_words_only(self, taught):
        actions.add_blocked_word(word="loan")
        assert judge("Воду отключили, a loaned book").verdict == "approve"

    def test_honeypot_beats_an_innocent_text(self, taught):
        result = judge("Воду отключили", form_data={"homepage": "x"})
        assert result.verdict == "spam" and result.reasons == ["honeypot"]

    def test_flood_from_one_address_is_held_with_a_message(self, taught):
        for _ in range(5):
            judge("Воду отключили", form_data={}, address="198.51.100.9")
        result = judge("Воду отключили", form_data={}, address="198.51.100.9")
        assert "rate-address" in result.reasons and result.messages


class BlocklistActionTests:
    def test_a_domain_needs_a_dot_and_a_word_two_letters(self, db):
        with pytest.raises(ActionError):
            actions.add_blocked_domain(domain="localhost")
        with pytest.raises(ActionError):
            actions.add_blocked_word(word=" x ")

    @pytest.mark.parametrize(
        "domain", ["bad pills.example", "-bad.example", "a..example", "bad!pills.example"]
    )
    def test_refuses_a_domain_when_it_is_not_a_host_name(self, db, domain):
        with pytest.raises(ActionError, match=r"such as example\.com") as refused:
            actions.add_blocked_domain(domain=domain)
        assert refused.value.field == "domain"

    def test_accepts_a_domain_when_it_is_in_cyrillic(self, db):
        assert actions.add_blocked_domain(domain="Займы.РФ").value == "займы.рф"

    def test_refuses_a_word_when_it_is_blocked_already_in_another_case(self, db):
        actions.add_blocked_word(word="Казино")
        with pytest.raises(ActionError, match="already blocked") as refused:
            actions.add_blocked_word(word="  КАЗИНО ")
        assert refused.value.field == "word"

    def test_refuses_a_domain_when_it_is_blocked_already_with_www(self, db):
        actions.add_blocked_domain(domain="bad-pills.example")
        with pytest.raises(ActionError, match="already blocked"):
            actions.add_blocked_domain(domain="https://www.bad-pills.example/")

    def test_refuses_a_word_when_normalising_makes_it_too_long(self, db):
        with pytest.raises(ActionError, match="200 characters"):
            actions.add_blocked_word(word="\ufdfa" * 12)  # one character, 18 once normalised

    def test_removed_word_no_longer_holds_a_comment(self, taught):
        term = actions.add_blocked_word(word="школа")
        actions.remove_blocked_term(term=term)
        assert judge("Воду отключили, школа закрыта").verdict == "approve"

    def test_refuses_to_remove_a_term_when_it_is_gone_already(self, db):
        term = actions.add_blocked_word(word="школа")
        actions.remove_blocked_term(term=term)
        with pytest.raises(ActionError, match="no longer on the blocklist"):
            actions.remove_blocked_term(term=term)


class ModerationTests:
    def test_reversed_decision_moves_the_text_to_the_other_side(self, db):
        user = UserFactory()
        actions.record_moderation(obj=user, text="кредит онлайн", is_spam=True)
        actions.record_moderation(obj=user, text="кредит онлайн", is_spam=False)
        assert actions.record_moderation(obj=user, text="кредит онлайн", is_spam=False) is None
        from chaikhana.comments.spam.models import SpamToken

        token = SpamToken.objects.get(token="кредит")
        assert (token.spam_count, token.ham_count) == (0, 1)


class SpamStatisticsTests:
    def test_caught_missed_and_false_positives_follow_the_moderators(self, db):
        caught, wrong, missed, fine = (UserFactory() for _ in range(4))
        for obj, verdict in [
            (caught, "spam"),
            (wrong, "spam"),
            (missed, "hold"),
            (fine, "approve"),
        ]:
            actions.record_assessment(obj=obj, verdict=verdict, score=0.5)
        actions.record_moderation(obj=wrong, text="Спасибо!", is_spam=False)
        actions.record_moderation(obj=missed, text="bonus casino", is_spam=True)
        figures = spam_statistics(NOW - timedelta(days=3650))
        assert (figures["caught"], figures["missed"], figures["false_positives"]) == (2, 1, 1)
        assert figures["assessed"] == 4

    def test_decisions_before_since_are_left_out(self, db):
        actions.record_assessment(obj=UserFactory(), verdict="spam", score=1.0)
        assert spam_statistics(datetime.now(UTC) + timedelta(minutes=1))["caught"] == 0


class AkismetTests:
    @pytest.fixture
    def akismet(self, settings):
        with LocalServer() as server:
            settings.SAFEHTTP_ALLOW_LOOPBACK = True
            settings.AKISMET_API_KEY = "k3y"
            settings.AKISMET_ENDPOINT = server.url("/1.1/comment-check")
            yield server

    def test_akismet_spam_answer_files_as_spam(self, taught, akismet):
        akismet.route("/1.1/comment-check", body="true")
        result = judge("Воду отключили")
        assert result.verdict == "spam" and "akismet" in result.reasons
        assert b"api_key=k3y" in akismet.requests[0].body

    def test_akismet_error_leaves_our_own_verdict(self, taught, akismet):
        akismet.route("/1.1/comment-check", body="Invalid API key.")
        assert judge("Воду отключили").verdict == "approve"

    def test_akismet_is_never_asked_without_a_key(self, taught, akismet, settings):
        settings.AKISMET_API_KEY = ""
        akismet.route("/1.1/comment-check", body="true")
        assert judge("Воду отключили").verdict == "approve"
        assert akismet.requests == []
