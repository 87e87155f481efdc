"""The front page: lead, featured, newest per section, most read and linked, open calls;
and the editor-in-chief's curation of it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from chaikhana.core.errors import ActionError
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.portal.actions.curation import (
    feature_story,
    lead_story,
    move_story_down,
    move_story_up,
    unfeature_story,
)
from chaikhana.portal.models import Callout, CurationLog, FrontPageItem, PortalRole, StoryView
from chaikhana.portal.tests.factories import SectionFactory, staff, submission_in
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db


def chief():
    return staff(PortalRole.Role.EDITOR_IN_CHIEF)


def published(title: str, **kwargs):
    submission = submission_in(State.PUBLISHED, **kwargs)
    submission.story.title = title
    submission.story.save()
    return submission


class FrontPageTests:
    def test_lead_comes_first_then_featured_in_order_then_sections(self, client):
        section = SectionFactory(name="Экология")
        lead, first, second = (published(t, section=section) for t in ("LEAD", "ONE", "TWO"))
        editor = chief()
        feature_story(story=second.story, by=editor)
        feature_story(story=first.story, by=editor)
        move_story_up(story=first.story, by=editor)
        lead_story(story=lead.story, by=editor)
        html = client.get("/").content.decode()
        assert html.index("LEAD") < html.index("ONE") < html.index("TWO")
        assert "Экология" in html and f"/portal/stories/{lead.story.slug}/" in html
        assert html.count("<h1") == 1

    def test_unpublished_and_withdrawn_stories_stay_off(self, client):
        draft = submission_in(State.READY)
        gone = published("WITHDRAWN")
        gone.unpublished_at = timezone.now()
        gone.save()
        html = client.get("/").content.decode()
        assert draft.story.title not in html and "WITHDRAWN" not in html

    def test_most_read_counts_only_the_last_seven_days(self, client):
        fresh, old = published("FRESH"), published("STALE")
        today = timezone.localdate()
        StoryView.objects.create(day=today, story=fresh.story, count=3)
        StoryView.objects.create(day=today - timedelta(days=9), story=old.story, count=50)
        html = client.get("/").content.decode()
        part = html[html.index("Most read this week") :]
        part = part[: part.index("</section>")]
        assert "FRESH" in part and "STALE" not in part

    def test_open_callouts_are_listed_and_closed_ones_are_not(self, client):
        section = SectionFactory()
        soon = timezone.now() + timedelta(days=2)
        Callout.objects.create(
            title="Вода в Оше",
            slug="voda",
            body="x",
            section=section,
            deadline=soon,
            published=True,
        )
        Callout.objects.create(
            title="Past call",
            slug="past",
            body="x",
            section=section,
            deadline=timezone.now() - timedelta(days=1),
            published=True,
        )
        html = client.get("/").content.decode()
        assert "Вода в Оше" in html and "Past call" not in html

    def test_links_its_portal_feeds(self, client):
        html = client.get("/").content.decode()
        assert 'href="/portal/feed/"' in html and 'href="/portal/feed/atom/"' in html

    def test_query_count_does_not_grow_with_stories(self, client, django_assert_max_num_queries):
        counts = []
        editor = chief()
        # Signed in: the page is rendered each time, never served from the page cache.
        log_in_verified(client, editor)
        for n in (2, 8):
            for _ in range(n):
                story = published("S", section=SectionFactory()).story
                feature_story(story=story, by=editor)
                StoryView.objects.create(day=timezone.localdate(), story=story, count=1)
            with django_assert_max_num_queries(12) as captured:
                assert client.get("/").status_code == 200
            counts.append(len(captured))
        assert counts[0] == counts[1]


class CurationTests:
    def test_a_new_lead_moves_the_old_one_to_featured_and_is_logged(self):
        editor = chief()
        old, new = published("OLD").story, published("NEW").story
        lead_story(story=old, by=editor)
        lead_story(story=new, by=editor)
        places = dict(FrontPageItem.objects.values_list("story_id", "place"))
        assert places == {old.pk: "featured", new.pk: "lead"}
        assert list(CurationLog.objects.values_list("action", flat=True)) == ["lead", "lead"]

    def test_a_section_editor_may_not_curate(self):
        story = published("X").story
        with pytest.raises(PermissionDenied):
            lead_story(story=story, by=staff(PortalRole.Role.SECTION_EDITOR))

    def test_a_story_that_is_not_live_is_refused(self):
        with pytest.raises(ActionError):
            feature_story(story=submission_in(State.READY).story, by=chief())

    def test_the_desk_page_curates_with_one_button_per_step(self, client):
        editor = chief()
        story = published("DESKED").story
        log_in_verified(client, editor)
        page = client.get("/portal/desk/front/").content.decode()
        assert "DESKED" in page and f"/portal/desk/front/{story.pk}/feature/" in page
        response = client.post(f"/portal/desk/front/{story.pk}/feature/")
        assert response.status_code == 302
        assert FrontPageItem.objects.get(story=story).place == "featured"
        assert client.post(f"/portal/desk/front/{story.pk}/lead/").status_code == 302
        assert FrontPageItem.objects.get(story=story).place == "lead"
        assert client.post(f"/portal/desk/front/{story.pk}/unfeature/").status_code == 302
        assert not FrontPageItem.objects.filter(story=story).exists()

    def test_a_step_that_cannot_apply_is_refused_with_400_and_a_reason(self, client):
        story = published("NOT FEATURED").story
        log_in_verified(client, chief())
        refused = client.post(f"/portal/desk/front/{story.pk}/up/")
        assert refused.status_code == 400
        assert "Only featured stories can be moved." in refused.content.decode()
        assert not CurationLog.objects.exists()

    def test_a_step_is_a_post_for_a_live_story_only(self, client):
        log_in_verified(client, chief())
        story = published("LIVE").story
        assert client.get(f"/portal/desk/front/{story.pk}/feature/").status_code == 405
        draft = submission_in(State.READY).story
        assert client.post(f"/portal/desk/front/{draft.pk}/feature/").status_code == 404

    def test_featured_stories_move_up_and_down_by_one_place(self):
        editor = chief()
        one, two, three = (published(t).story for t in ("ONE", "TWO", "THREE"))
        for story in (one, two, three):
            feature_story(story=story, by=editor)
        move_story_up(story=three, by=editor)
        move_story_down(story=one, by=editor)
        order = FrontPageItem.objects.order_by("position").values_list("story_id", flat=True)
        assert list(order) == [three.pk, one.pk, two.pk]
        unfeature_story(story=one, by=editor)
        assert list(order.all()) == [three.pk, two.pk]
        assert list(CurationLog.objects.values_list("action", flat=True))[:3] == [
            "unfeature",
            "down",
            "up",
        ]

    def test_others_get_403_on_the_curation_page(self, client):
        log_in_verified(client, staff(PortalRole.Role.FACT_CHECKER))
        assert client.get("/portal/desk/front/").status_code == 403


class PortalLookTests:
    def test_story_page_shows_its_section_as_kicker_and_marks_it_in_the_sections_bar(self, client):
        ecology, other = SectionFactory(name="Экология"), SectionFactory(name="Культура")
        story = published("STORY", section=ecology).story
        html = client.get(f"/portal/stories/{story.slug}/").content.decode()
        assert f'<a href="/portal/section/{ecology.slug}/" aria-current="page">Экология</a>' in html
        assert f'<a href="/portal/section/{other.slug}/">Культура</a>' in html
        assert html.index('class="kicker"') < html.index("<h1>STORY</h1>")

    def test_lead_story_shows_its_picture_and_the_rest_load_lazily(self, client):
        section = SectionFactory()
        lead, other = (published(t, section=section) for t in ("LEAD", "OTHER"))
        for submission in (lead, other):
            submission.story.cover_image = "/media/x.jpg"
            submission.story.save(update_fields=["cover_image"])
        lead_story(story=lead.story, by=chief())
        html = client.get("/").content.decode()
        lead_part = html[html.index('class="lead"') : html.index("LEAD</a>")]
        assert '<img src="/media/x.jpg"' in lead_part and "lazy" not in lead_part
        sections_part = html[html.index("section-grid") :]
        assert 'loading="lazy"' in sections_part

    def test_reader_saving_data_gets_the_front_page_without_pictures(self, client):
        story = published("LEAD").story
        story.cover_image = "/media/x.jpg"
        story.save(update_fields=["cover_image"])
        lead_story(story=story, by=chief())
        html = client.get("/", HTTP_SAVE_DATA="on").content.decode()
        assert "LEAD" in html and "<img" not in html
