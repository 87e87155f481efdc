"""Story translations: hreflang alternates and a language switcher on each version."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied

from chaikhana.core.errors import ActionError
from chaikhana.portal.models import PortalRole, StoryTranslation
from chaikhana.portal.tests.factories import staff, submission_in
from chaikhana.portal.translations import link_translation
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db


def _story(language: str):
    story = submission_in(State.PUBLISHED).story
    story.language = language
    story.save()
    return story


class StoryTranslationTests:
    def test_each_version_links_the_others_with_hreflang_and_a_switcher(self, client):
        ru, ky = _story("ru"), _story("ky")
        link_translation(story=ru, translation=ky, by=staff(PortalRole.Role.EDITOR_IN_CHIEF))
        for story, other in ((ru, ky), (ky, ru)):
            html = client.get(f"/portal/stories/{story.slug}/").content.decode()
            address = f"{settings.SITE_URL}/portal/stories/{other.slug}/"
            assert f'hreflang="{other.language}" href="{address}"' in html
            assert "Кыргызча" in html and 'aria-current="page"' in html

    def test_a_draft_translation_is_not_offered_to_readers(self, client):
        ru, en = _story("ru"), _story("en")
        link_translation(
            story=ru, translation=en, by=staff(PortalRole.Role.EDITOR_IN_CHIEF), status="draft"
        )
        html = client.get(f"/portal/stories/{ru.slug}/").content.decode()
        assert "hreflang" not in html

    def test_two_versions_in_one_language_are_refused(self):
        editor = staff(PortalRole.Role.EDITOR_IN_CHIEF)
        ru, en, en2 = _story("ru"), _story("en"), _story("en")
        link_translation(story=ru, translation=en, by=editor)
        with pytest.raises(ActionError):
            link_translation(story=ru, translation=en2, by=editor)
        assert StoryTranslation.objects.count() == 2

    def test_a_fact_checker_may_not_link(self):
        with pytest.raises(PermissionDenied):
            link_translation(
                story=_story("ru"),
                translation=_story("en"),
                by=staff(PortalRole.Role.FACT_CHECKER),
            )

    def test_a_section_editor_links_only_stories_of_sections_she_edits(self):
        ru, en = _story("ru"), _story("en")
        editor = staff(PortalRole.Role.SECTION_EDITOR, ru.portal_submission.section)
        with pytest.raises(PermissionDenied):
            link_translation(story=ru, translation=en, by=editor)
        assert not StoryTranslation.objects.exists()
