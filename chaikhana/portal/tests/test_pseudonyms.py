"""A story under a pseudonym: nothing public joins it to the writer's post, blog or pen name."""

from __future__ import annotations

import pytest

from chaikhana.blogs.models import SlugRedirect
from chaikhana.comments.actions.posting import CommentInput, post_comment
from chaikhana.core.errors import ActionError
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.portal.actions.stories import StoryEdit, edit_story
from chaikhana.portal.actions.submissions import set_byline
from chaikhana.portal.actions.workflow import transition
from chaikhana.portal.models import PortalRole, Submission
from chaikhana.portal.pseudonyms import unlinked_slug
from chaikhana.portal.tests.factories import SectionFactory, staff, submission_in
from chaikhana.portal.translations import link_translation
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db


@pytest.fixture
def chief():
    return staff(PortalRole.Role.EDITOR_IN_CHIEF)


def _pseudonymous(chief, submission: Submission) -> Submission:
    return set_byline(submission=submission, by=chief, pseudonym="Ветер")


class PseudonymousStoryTests:
    def test_story_page_names_neither_her_post_nor_blog_when_signed_with_a_pseudonym(
        self, client, chief
    ):
        submission = _pseudonymous(chief, submission_in(State.PUBLISHED))
        html = client.get(f"/portal/stories/{submission.story.slug}/").content.decode()
        original = submission.original
        assert "Ветер" in html
        assert original.get_absolute_url() not in html
        assert f"@{original.blog.name}" not in html
        assert original.author.pen_name not in html
        assert "Read the original post" not in html

    def test_story_page_links_the_original_when_signed_with_her_pen_name(self, client):
        submission = submission_in(State.PUBLISHED)
        html = client.get(f"/portal/stories/{submission.story.slug}/").content.decode()
        assert submission.original.get_absolute_url() in html

    def test_original_drops_featured_on_the_portal_when_story_gets_a_pseudonym(self, client, chief):
        submission = submission_in(State.PUBLISHED)
        url = submission.original.get_absolute_url()
        for _ in range(3):  # learn, store, serve from the page cache
            assert "Featured on the portal" in client.get(url).content.decode()
        _pseudonymous(chief, submission)
        html = client.get(url).content.decode()
        assert "Featured on the portal" not in html
        assert "/portal/stories/" not in html

    def test_published_story_moves_to_its_own_address_when_a_pseudonym_is_set(self, client, chief):
        submission = submission_in(State.PUBLISHED)
        old = submission.story.slug
        for _ in range(3):  # the old address is in the page cache too
            assert client.get(f"/portal/stories/{old}/").status_code == 200
        submission = _pseudonymous(chief, submission)
        new = submission.story.slug
        assert new != old and new != submission.original.slug
        assert client.get(f"/portal/stories/{new}/").status_code == 200
        # Gone without a redirect: a redirect would be the very link the pseudonym hides.
        assert client.get(f"/portal/stories/{old}/").status_code == 404
        assert client.get(f"/@portal/{old}/").status_code == 404
        assert not SlugRedirect.objects.filter(post=submission.story).exists()

    def test_story_taken_into_review_under_a_pseudonym_never_has_the_original_slug(self, chief):
        submission = submission_in(State.SUBMITTED)
        submission.original.slug = "my-own-words"
        submission.original.save()
        submission.byline_pseudonym = "Ветер"
        submission.save()
        submission = transition(submission=submission, to=State.IN_REVIEW, by=chief)
        assert submission.story.byline == "Ветер"
        assert submission.story.slug.startswith("story-")

    def test_byline_and_story_edit_pages_warn_that_copied_text_names_her(self, client, chief):
        submission = _pseudonymous(chief, submission_in(State.IN_REVIEW))
        log_in_verified(client, chief)
        for page in ("byline", "edit"):
            html = client.get(f"/portal/submissions/{submission.pk}/{page}/").content.decode()
            assert "Copied words can still name the writer." in html

    def test_community_stream_leaves_out_a_submission_under_a_pseudonym(self, client):
        section = SectionFactory(slug="s", community_stream=True)
        waiting = submission_in(State.SUBMITTED, section=section)
        waiting.byline_pseudonym = "Ветер"
        waiting.save()
        assert waiting.original.title not in client.get("/portal/section/s/").content.decode()

    def test_story_address_follows_the_editors_new_headline_before_publication(self, chief):
        submission = _pseudonymous(chief, submission_in(State.IN_REVIEW))
        story = submission.story
        edit = StoryEdit(
            title="Вода в Оше", excerpt="", body_source="Свои слова.", base_version=story.version
        )
        story = edit_story(submission=submission, by=chief, edit=edit)
        assert story.slug.startswith("voda-v-oshe-")


class UnlinkedSlugTests:
    def test_slug_uses_the_editors_headline_when_they_changed_it(self):
        slug = unlinked_slug(headline="Вода в Оше", original_title="Мой пост")
        assert slug.startswith("voda-v-oshe-") and len(slug.rsplit("-", 1)[1]) == 6

    def test_slug_keeps_none_of_the_original_words_when_headline_is_unchanged(self):
        slug = unlinked_slug(headline="Мой пост", original_title="Мой пост")
        assert slug.startswith("story-")
        assert slug != unlinked_slug(headline="Мой пост", original_title="Мой пост")


def _version(language: str) -> Submission:
    submission = submission_in(State.PUBLISHED)
    assert submission.story is not None
    submission.story.language = language
    submission.story.save()
    return submission


class PseudonymousVersionsTests:
    def test_linking_a_pen_name_version_to_a_pseudonymous_story_is_refused(self, chief):
        ru, ky = _version("ru"), _version("ky")
        ru = _pseudonymous(chief, ru)
        with pytest.raises(ActionError):
            link_translation(story=ru.story, translation=ky.story, by=chief)

    def test_versions_under_the_same_pseudonym_link(self, chief):
        ru, ky = _pseudonymous(chief, _version("ru")), _pseudonymous(chief, _version("ky"))
        assert link_translation(story=ru.story, translation=ky.story, by=chief).language == "ky"

    def test_byline_page_refuses_a_pseudonym_when_a_version_keeps_her_pen_name(self, chief, client):
        ru, ky = _version("ru"), _version("ky")
        link_translation(story=ru.story, translation=ky.story, by=chief)
        log_in_verified(client, chief)
        response = client.post(f"/portal/submissions/{ru.pk}/byline/", {"pseudonym": "Ветер"})
        assert response.status_code == 400
        assert "same pseudonym" in response.content.decode()
        ru.refresh_from_db()
        assert ru.byline_pseudonym == ""


class PseudonymousCommentTests:
    def test_writer_comment_on_her_pseudonymous_story_is_signed_with_the_pseudonym(self, chief):
        submission = _pseudonymous(chief, submission_in(State.PUBLISHED))
        writer = submission.author
        writer.display_name = submission.original.author.pen_name
        writer.save()
        comment = post_comment(post=submission.story, by=writer, data=CommentInput(body="Спасибо."))
        assert comment.name == "Ветер"

    def test_writer_comment_on_her_own_blog_keeps_her_pen_name(self, chief):
        submission = _pseudonymous(chief, submission_in(State.PUBLISHED))
        original = submission.original
        comment = post_comment(post=original, by=submission.author, data=CommentInput(body="Да."))
        assert comment.name == original.author.pen_name
