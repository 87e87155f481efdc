import pytest
from django.urls import reverse

from chaikhana.blogs.actions import PostRequest, save_requested_post
from chaikhana.blogs.models import Revision
from chaikhana.blogs.roles import Role
from chaikhana.writing.tests.helpers import client_for, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(blog, user):
    post = save_requested_post(
        blog=blog, by=user, request=PostRequest(title="T", body_source="one\ntwo\nthree")
    )
    return save_requested_post(
        blog=blog, by=user, post=post, request=PostRequest(title="T", body_source="one\n2\nthree")
    )


class RevisionListTests:
    def test_lists_kind_pen_name_and_time(self, user, blog, post):
        pen_name = blog.memberships.get(user=user).pen_name
        response = client_for(user).get(reverse("writing:revisions", args=[blog.name, post.pk]))
        page = response.content.decode()
        assert page.count("Saved") >= 2
        assert pen_name in page
        assert user.username not in page

    def test_revision_by_a_former_member_says_someone(self, user, blog, post):
        gone = member(blog, Role.EDITOR)
        post.revisions.update(user=gone.user)
        gone.delete()
        page = client_for(user).get(reverse("writing:revisions", args=[blog.name, post.pk]))
        assert "someone" in page.content.decode()

    def test_author_is_not_told_a_colleagues_draft_exists(self, blog, post):
        author = member(blog, Role.AUTHOR).user
        url = reverse("writing:revisions", args=[blog.name, post.pk])
        assert client_for(author).get(url).status_code == 404


class RevisionDiffTests:
    def test_shows_removed_and_added_lines(self, user, blog, post):
        first = post.revisions.order_by("created_at", "id").first()
        url = reverse("writing:revision_diff", args=[blog.name, post.pk, first.pk])
        page = client_for(user).get(url).content.decode()
        assert "<del>two</del>" in page
        assert "<ins>2</ins>" in page
        assert "<span>one</span>" in page

    def test_revision_of_another_post_is_not_found(self, user, blog, post):
        other = save_requested_post(blog=blog, by=user, request=PostRequest(title="Other"))
        revision = other.revisions.first()
        url = reverse("writing:revision_diff", args=[blog.name, post.pk, revision.pk])
        assert client_for(user).get(url).status_code == 404


class RevisionRestoreTests:
    def test_restore_makes_the_revision_current_and_keeps_the_previous(self, user, blog, post):
        first = post.revisions.order_by("created_at", "id").first()
        url = reverse("writing:revision_restore", args=[blog.name, post.pk, first.pk])
        response = client_for(user).post(url)
        assert response["Location"] == reverse("writing:post_edit", args=[blog.name, post.pk])
        post.refresh_from_db()
        assert post.body_source == "one\ntwo\nthree"
        assert post.revisions.filter(kind=Revision.Kind.RESTORE).exists()
        assert post.revisions.filter(body_source="one\n2\nthree").exists()

    def test_restore_needs_post(self, user, blog, post):
        first = post.revisions.first()
        url = reverse("writing:revision_restore", args=[blog.name, post.pk, first.pk])
        assert client_for(user).get(url).status_code == 405
