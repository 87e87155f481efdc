"""The desk as a board: columns by state, ages and late marks, filters, the day's budget."""

from __future__ import annotations

from datetime import timedelta

import html5lib
import pytest
from django.template import Context, Template
from django.utils import timezone

from chaikhana.core.testing.factories import UserFactory
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.portal import board, conf
from chaikhana.portal.models import PortalRole, Submission
from chaikhana.portal.tests.factories import SectionFactory, staff, submission_in
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db


def _aged(submission: Submission, **ago: float) -> Submission:
    Submission.objects.filter(pk=submission.pk).update(
        state_changed_at=timezone.now() - timedelta(**ago)
    )
    submission.refresh_from_db()
    return submission


def _column_titles(html: str, key: str) -> list[str]:
    document = html5lib.parse(html, namespaceHTMLElements=False)
    column = next(el for el in document.iter("section") if el.get("id") == f"col-{key}")
    return [a.text for a in column.iter("a") if a.get("class") == "card-title"]


def _late_titles(html: str) -> list[str]:
    document = html5lib.parse(html, namespaceHTMLElements=False)
    cards = [li for li in document.iter("li") if "is-late" in (li.get("class") or "")]
    return [a.text for card in cards for a in card.iter("a")]


@pytest.fixture
def chief(client):
    user = staff(PortalRole.Role.EDITOR_IN_CHIEF, username="chief")
    log_in_verified(client, user)
    return user


class DeskBoardTests:
    def test_desk_is_closed_to_bloggers(self, client):
        log_in_verified(client, UserFactory())
        assert client.get("/portal/desk/").status_code == 403

    def test_each_card_sits_in_the_column_of_its_state(self, chief, client):
        made = {state: submission_in(state) for state in State if state != State.DECLINED}
        html = client.get("/portal/desk/").content.decode()
        for key in ("submitted", "in_review", "fact_check", "ready", "scheduled", "published"):
            assert _column_titles(html, key) == [made[State(key)].title]
        waiting = {made[State.RETURNED].title, made[State.AWAITING_AUTHOR].title}
        assert set(_column_titles(html, "with_authors")) == waiting

    def test_a_story_published_before_today_has_left_the_board(self, chief, client):
        old = _aged(submission_in(State.PUBLISHED), days=2)
        declined = submission_in(State.DECLINED)
        html = client.get("/portal/desk/").content.decode()
        assert old.title not in html and declined.title not in html

    def test_a_card_is_late_when_older_than_its_states_limit(self, chief, client, settings):
        settings.PORTAL_LATE_HOURS = {"fact_check": 2}
        late = _aged(submission_in(State.FACT_CHECK), hours=3)
        fresh = _aged(submission_in(State.FACT_CHECK), hours=1)
        html = client.get("/portal/desk/").content.decode()
        assert _late_titles(html) == [late.title]
        assert fresh.title in html and "3 h" in html

    def test_a_scheduled_story_is_late_once_its_time_has_passed(self, chief, client):
        overdue, on_time = submission_in(State.SCHEDULED), submission_in(State.SCHEDULED)
        now = timezone.now()
        type(overdue.story).objects.filter(pk=overdue.story_id).update(
            published_at=now - timedelta(hours=1)
        )
        type(on_time.story).objects.filter(pk=on_time.story_id).update(
            published_at=now + timedelta(hours=1)
        )
        html = client.get("/portal/desk/").content.decode()
        assert _late_titles(html) == [overdue.title]

    def test_filters_narrow_the_board_by_section_and_assignee_without_script(self, chief, client):
        politics, culture = SectionFactory(name="Politics"), SectionFactory(name="Culture")
        mine = submission_in(State.IN_REVIEW, section=politics)
        Submission.objects.filter(pk=mine.pk).update(assigned_checker=chief)
        theirs = submission_in(State.IN_REVIEW, section=politics)
        elsewhere = submission_in(State.IN_REVIEW, section=culture)
        html = client.get("/portal/desk/", {"assignee": "me"}).content.decode()
        assert _column_titles(html, "in_review") == [mine.title]
        html = client.get("/portal/desk/", {"section": politics.pk}).content.decode()
        assert set(_column_titles(html, "in_review")) == {mine.title, theirs.title}
        assert elsewhere.title not in html
        html = client.get("/portal/desk/", {"assignee": "none"}).content.decode()
        assert set(_column_titles(html, "in_review")) == {theirs.title, elsewhere.title}

    def test_unknown_filter_values_show_the_whole_board(self, chief, client):
        card = submission_in(State.SUBMITTED)
        response = client.get("/portal/desk/", {"section": "x1", "assignee": "999999"})
        assert response.status_code == 200 and card.title in response.content.decode()

    def test_query_count_stays_the_same_however_many_cards(
        self, chief, client, django_assert_num_queries
    ):
        states = [State.SUBMITTED, State.IN_REVIEW, State.FACT_CHECK, State.READY,
                  State.SCHEDULED, State.PUBLISHED, State.RETURNED]  # fmt: skip
        # session, user, the verified second factor, desk role, sections, desk members, one
        # tally, seven columns, two for the budget, unread notifications
        for each in (1, 3):
            while Submission.objects.count() < each * len(states):
                for state in states:
                    submission_in(state)
            with django_assert_num_queries(17):
                assert client.get("/portal/desk/").status_code == 200

    def test_a_column_counts_every_card_but_shows_the_oldest(self, chief, client, monkeypatch):
        monkeypatch.setattr(board, "COLUMN_LIMIT", 2)
        made = [_aged(submission_in(State.SUBMITTED), hours=h) for h in (5, 1, 9)]
        html = client.get("/portal/desk/").content.decode()
        assert _column_titles(html, "submitted") == [made[2].title, made[0].title]
        assert "and 1 more, oldest shown first" in html


class StoryBudgetTests:
    def test_budget_counts_todays_stories_per_section(self):
        news, culture = SectionFactory(name="News"), SectionFactory(name="Culture")
        submission_in(State.IN_REVIEW, section=news)
        submission_in(State.READY, section=news)
        out = submission_in(State.PUBLISHED, section=culture)
        _aged(submission_in(State.PUBLISHED, section=culture), days=2)
        lines = {line.section.name: line for line in board.budget([news, culture], timezone.now())}
        assert (lines["News"].in_the_works, lines["News"].ready, lines["News"].total) == (1, 1, 2)
        assert lines["Culture"].published == 1 and lines["Culture"].slate == [out]
        assert board.budget_totals(list(lines.values()))["total"] == 3

    def test_budget_shows_a_clear_empty_slate(self, chief, client):
        SectionFactory()
        html = client.get("/portal/desk/").content.decode()
        assert "Nothing is scheduled or published yet today." in html


class LateSettingTests:
    def test_setting_overrides_one_state_and_keeps_the_others(self, settings):
        settings.PORTAL_LATE_HOURS = {"ready": 1}
        limits = conf.late_after()
        assert limits["ready"] == timedelta(hours=1)
        assert limits["submitted"] == timedelta(hours=conf.LATE_HOURS_DEFAULT["submitted"])


class AgeFilterTests:
    @pytest.mark.parametrize(
        ("minutes", "shown"), [(4, "4 min"), (185, "3 h"), (47 * 60, "47 h"), (60 * 50, "2 d")]
    )
    def test_age_reads_like_a_wall_clock(self, minutes, shown):
        now = timezone.now()
        rendered = Template("{% load portal_desk %}{{ since|age:now }}").render(
            Context({"since": now - timedelta(minutes=minutes), "now": now})
        )
        assert rendered == shown
