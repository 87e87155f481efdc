"""The portal's blog: written only through the desk's *_editorial_post actions."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from chaikhana.blogs.actions import (
    PostContent,
    create_editorial_post,
    create_post,
    edit_editorial_post,
    move_editorial_post,
    publish_editorial_post,
    withdraw_editorial_post,
)
from chaikhana.blogs.models import Post, SlugRedirect
from chaikhana.blogs.roles import Role
from chaikhana.core.errors import ActionError
from chaikhana.core.testing.factories import BlogFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def portal():
    return BlogFactory(name="portal", is_editorial=True)


@pytest.fixture
def editor():
    return UserFactory()


class EditorialActionTests:
    def test_desk_story_is_bylined_by_name_with_no_membership(self, portal, editor):
        story = create_editorial_post(
            blog=portal, by=editor, content=PostContent(title="Сюжет"), byline="Асель"
        )
        assert (story.author, story.byline, story.status) == (None, "Асель", Post.Status.DRAFT)
        assert not portal.memberships.filter(user=editor).exists()

    def test_desk_edits_publishes_and_withdraws_a_story(self, portal, editor):
        story = create_editorial_post(
            blog=portal, by=editor, content=PostContent(title="Сюжет"), byline="Асель"
        )
        content = PostContent.of(story)
        content.body_source = "Проверено."
        story = edit_editorial_post(post=story, by=editor, content=content)
        story = publish_editorial_post(post=story, by=editor)
        assert story.is_public and "Проверено." in story.body_html
        story = withdraw_editorial_post(post=story, by=editor)
        assert story.status == Post.Status.DRAFT and story.published_at is not None

    def test_moved_story_leaves_no_redirect_when_it_was_public(self, portal, editor):
        story = create_editorial_post(
            blog=portal, by=editor, content=PostContent(title="Сюжет"), byline="Асель"
        )
        story = publish_editorial_post(post=story, by=editor)
        old = story.slug
        content = PostContent.of(story)
        content.slug = "second"
        edit_editorial_post(post=story, by=editor, content=content)  # leaves a redirect
        story = move_editorial_post(post=story, by=editor, slug="elsewhere-x7k2")
        assert story.slug == "elsewhere-x7k2"
        assert not SlugRedirect.objects.filter(post=story).exists()
        assert Client().get(f"/@portal/{old}/").status_code == 404
        assert Client().get("/@portal/second/").status_code == 404
        assert Client().get("/@portal/elsewhere-x7k2/").status_code == 200

    def test_desk_actions_are_refused_on_an_ordinary_blog(self, blog, user):
        with pytest.raises(ActionError):
            create_editorial_post(blog=blog, by=user, content=PostContent(title="T"), byline="X")

    def test_owner_of_the_portal_blog_still_cannot_write_there(self, portal):
        owner = MembershipFactory(blog=portal, role=Role.OWNER).user
        with pytest.raises(PermissionDenied):
            create_post(blog=portal, by=owner, content=PostContent(title="Back door"))
        assert not Post.objects.filter(blog=portal).exists()


class EditorialDashboardTests:
    def test_dashboard_of_the_portal_blog_refuses_and_points_to_the_desk(self, portal):
        editor = MembershipFactory(blog=portal, role=Role.EDITOR).user
        client = Client()
        client.force_login(editor)
        for url in ("/dashboard/@portal/", "/dashboard/@portal/posts/new/"):
            response = client.get(url)
            assert response.status_code == 403
            assert '/portal/desk/">' in response.content.decode()  # a link, with the host

    def test_portal_blog_is_not_among_my_blogs_in_the_dashboard(self, portal, blog, user):
        MembershipFactory(blog=portal, user=user, role=Role.EDITOR)
        client = Client()
        client.force_login(user)
        page = client.get("/dashboard/").content.decode()
        assert f"/dashboard/@{blog.name}/" in page and "/dashboard/@portal/" not in page
