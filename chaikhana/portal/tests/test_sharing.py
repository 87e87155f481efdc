"""A shared story: a news article of the network, signed with its public byline only."""

import json
import re

import pytest

from chaikhana.core.network_settings import network_name
from chaikhana.media.cards import brand_of
from chaikhana.portal.actions.stories import unpublish_story
from chaikhana.portal.actions.submissions import set_byline
from chaikhana.portal.models import PortalRole
from chaikhana.portal.tests.factories import staff, submission_in
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db
LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def _head(client, story):
    html = client.get(f"/portal/stories/{story.slug}/").content.decode()
    return html[: html.index("</head>")]


class StorySharingTests:
    def test_story_is_a_news_article_of_the_network_by_its_byline(self, client, settings):
        submission = submission_in(State.PUBLISHED)
        data = json.loads(LD.search(_head(client, submission.story)).group(1))
        assert data["@type"] == "NewsArticle"
        assert data["author"] == {"@type": "Person", "name": submission.story.byline}
        assert data["publisher"]["name"] == settings.NETWORK_NAME
        assert data["mainEntityOfPage"].endswith(f"/portal/stories/{submission.story.slug}/")

    def test_pseudonymous_story_shares_nothing_of_the_writers_blog(self, client):
        chief = staff(PortalRole.Role.EDITOR_IN_CHIEF)
        submission = set_byline(
            submission=submission_in(State.PUBLISHED), by=chief, pseudonym="Ветер"
        )
        head = _head(client, submission.story)
        original = submission.original
        assert '"name":"Ветер"' in head
        for trace in (original.blog.title, f"@{original.blog.name}", original.author.pen_name):
            assert trace not in head
        assert brand_of(submission.story) == network_name()  # the title card's name


class WithdrawnStoryPageTests:
    @pytest.mark.parametrize(
        ("language", "heading"),
        [("ru", "Этот материал снят с публикации"), ("ky", "Бул макала кайтарылып алынды"),
         ("en", "This story has been withdrawn")],
    )  # fmt: skip
    def test_withdrawn_story_answers_410_in_the_readers_language_with_a_way_on(
        self, client, language, heading
    ):
        submission = submission_in(State.PUBLISHED)
        unpublish_story(submission=submission, by=staff("editor_in_chief"), note="Retracted")
        response = client.get(
            f"/portal/stories/{submission.story.slug}/", HTTP_ACCEPT_LANGUAGE=language
        )
        html = response.content.decode()
        assert response.status_code == 410 and heading in html
        assert 'action="/search/"' in html and 'href="/"' in html
        assert "og:" not in html  # nothing to preview: the story is gone


class FrontPageSharingTests:
    def test_front_page_has_one_translated_description_and_its_canonical(self, client, settings):
        html = client.get("/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
        head = html[: html.index("</head>")]
        assert head.count('<meta name="description"') == 1
        assert "Новости сообщества" in head
        assert f'<link rel="canonical" href="{settings.SITE_URL}/">' in head
        assert '<meta property="og:type" content="website">' in head
