"""An editor picks a blogger's post from the desk by its address; the author is asked."""

from __future__ import annotations

import pytest

from chaikhana.blogs.models import Blog, Post
from chaikhana.core.testing.factories import UserFactory
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.portal.models import PortalRole, Submission
from chaikhana.portal.tests.factories import SectionFactory, blogger_post, staff, submission_in
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db
URL = "/portal/desk/pick/"


def _editor():
    section = SectionFactory()
    return staff(PortalRole.Role.SECTION_EDITOR, section), section


class PickPageTests:
    def test_the_desk_leads_to_the_pick_page(self, client):
        log_in_verified(client, staff(PortalRole.Role.EDITOR_IN_CHIEF))
        assert f'href="{URL}"' in client.get("/portal/desk/").content.decode()
        assert client.get(URL).status_code == 200

    def test_she_picks_a_post_by_the_address_she_copied_and_its_author_is_asked(self, client):
        editor, section = _editor()
        post = blogger_post(title="Water in Naryn")
        log_in_verified(client, editor)
        data = {
            "address": f"http://testserver{post.get_absolute_url()}",
            "section": section.pk,
            "note": "A strong piece",
        }
        response = client.post(URL, data)
        submission = Submission.objects.get(original=post)
        assert response.status_code == 302 and response["Location"] == submission.get_absolute_url()
        assert submission.state == State.AWAITING_AUTHOR and submission.picked_by == editor
        page = client.get(submission.get_absolute_url()).content.decode()
        assert "note with their pick: A strong piece" in page
        log_in_verified(client, post.author.user)
        html = client.get("/portal/picks/").content.decode()
        assert "Water in Naryn" in html and "A strong piece" in html

    def test_a_path_finds_the_post_too_and_a_blog_host_address_in_subdomain_mode(
        self, client, settings
    ):
        editor, section = _editor()
        log_in_verified(client, editor)
        by_path = blogger_post()
        client.post(URL, {"address": by_path.get_absolute_url(), "section": section.pk})
        settings.BLOG_HOST_MODE, settings.BLOG_DOMAIN = "subdomain", "chai.example"
        by_host = blogger_post()
        address = f"https://{by_host.blog.name}.chai.example/{by_host.slug}/"
        client.post(URL, {"address": address, "section": section.pk})
        assert Submission.objects.filter(original__in=[by_path, by_host]).count() == 2

    def test_a_section_editor_picks_only_for_her_own_sections(self, client):
        editor, _section = _editor()
        log_in_verified(client, editor)
        post = blogger_post()
        data = {"address": post.get_absolute_url(), "section": SectionFactory().pk}
        response = client.post(URL, data)
        assert response.status_code == 400
        assert not Submission.objects.filter(original=post).exists()

    @pytest.mark.parametrize(
        "address", ["https://elsewhere.example/@x/y/", "/portal/desk/", "not an address"]
    )
    def test_an_address_that_is_no_post_of_ours_is_refused_with_a_message(self, client, address):
        editor, section = _editor()
        log_in_verified(client, editor)
        response = client.post(URL, {"address": address, "section": section.pk})
        assert response.status_code == 400
        assert "There is no post of this network at that address." in response.content.decode()

    def test_a_draft_a_private_blog_s_post_and_a_portal_story_are_refused(self, client):
        editor, section = _editor()
        log_in_verified(client, editor)
        draft = blogger_post(status=Post.Status.DRAFT, published_at=None)
        hidden = blogger_post()
        Blog.objects.filter(pk=hidden.blog_id).update(visibility=Blog.Visibility.PRIVATE)
        story = submission_in(State.PUBLISHED, section=section).story
        for post in (draft, hidden, story):
            data = {"address": post.get_absolute_url(), "section": section.pk}
            assert client.post(URL, data).status_code == 400
        assert Submission.objects.filter(state=State.AWAITING_AUTHOR).count() == 0

    def test_a_post_already_at_the_desk_leads_to_its_submission(self, client):
        chief = staff(PortalRole.Role.EDITOR_IN_CHIEF)
        existing = submission_in(State.SUBMITTED)
        log_in_verified(client, chief)
        data = {"address": existing.original.get_absolute_url(), "section": existing.section_id}
        response = client.post(URL, data)
        assert response.status_code == 400
        assert existing.get_absolute_url() in response.content.decode()

    def test_bloggers_and_fact_checkers_may_not_pick(self, client):
        for person in (UserFactory(), staff(PortalRole.Role.FACT_CHECKER)):
            log_in_verified(client, person)
            assert client.get(URL).status_code == 403
