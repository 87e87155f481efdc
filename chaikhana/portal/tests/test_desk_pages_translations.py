"""An editor links a story's versions in other languages from its submission page."""

from __future__ import annotations

import pytest
from django.conf import settings

from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.portal.models import PortalRole, StoryTranslation
from chaikhana.portal.tests.factories import (
    SectionFactory,
    blogger_post,
    staff,
    submission_in,
)
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db


def _live(language, section=None):
    submission = submission_in(State.PUBLISHED, section=section)
    submission.story.language = language
    submission.story.save()
    return submission


def _url(submission):
    return f"/portal/submissions/{submission.pk}/translations/"


class TranslationsPageTests:
    def test_she_links_a_version_by_its_address_and_readers_get_the_switcher(self, client):
        ru, ky = _live("ru"), _live("ky")
        log_in_verified(client, staff(PortalRole.Role.EDITOR_IN_CHIEF))
        assert _url(ru) in client.get(ru.get_absolute_url()).content.decode()
        address = f"http://testserver/portal/stories/{ky.story.slug}/"
        response = client.post(_url(ru), {"translation": address, "status": "published"})
        assert response.status_code == 302
        assert ky.story.title in client.get(_url(ru)).content.decode()
        html = client.get(f"/portal/stories/{ru.story.slug}/").content.decode()
        assert f'hreflang="ky" href="{settings.SITE_URL}/portal/stories/{ky.story.slug}/"' in html

    def test_an_address_of_a_blogger_s_post_or_of_nothing_is_refused(self, client):
        ru = _live("ru")
        log_in_verified(client, staff(PortalRole.Role.EDITOR_IN_CHIEF))
        for address in (blogger_post().get_absolute_url(), "/portal/stories/no-such-story/"):
            response = client.post(_url(ru), {"translation": address, "status": "published"})
            assert response.status_code == 400
        assert not StoryTranslation.objects.exists()

    def test_a_story_of_a_section_she_does_not_edit_is_refused_with_a_message(self, client):
        section = SectionFactory()
        ru, en = _live("ru", section), _live("en")
        log_in_verified(client, staff(PortalRole.Role.SECTION_EDITOR, section))
        address = f"/portal/stories/{en.story.slug}/"
        response = client.post(_url(ru), {"translation": address, "status": "published"})
        assert response.status_code == 400
        assert "Only the editors of both stories" in response.content.decode()
        assert not StoryTranslation.objects.exists()

    def test_a_checker_the_author_and_another_section_s_editor_may_not_open_it(self, client):
        ru = _live("ru")
        for person, status in (
            (staff(PortalRole.Role.FACT_CHECKER), 403),
            (ru.author, 403),
            (staff(PortalRole.Role.SECTION_EDITOR, SectionFactory()), 404),
        ):
            log_in_verified(client, person)
            assert client.get(_url(ru)).status_code == status
