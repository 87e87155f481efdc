import pytest
from django.urls import reverse

from chaikhana.blogs.actions import PostRequest, save_requested_post
from chaikhana.blogs.models import Post, Revision
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import BlogFactory, PostFactory
from chaikhana.writing.tests.helpers import client_for, member, post_data

pytestmark = pytest.mark.django_db


def autosave_url(post):
    return reverse("writing:post_autosave", args=[post.blog.name, post.pk])


def autosave_new_url(blog):
    return reverse("writing:post_autosave_new", args=[blog.name])


class AutosaveExistingPostTests:
    def test_keeps_the_text_as_an_autosave_and_answers_with_the_time(self, user, blog):
        post = save_requested_post(
            blog=blog, by=user, request=PostRequest(title="T", body_source="saved")
        )
        response = client_for(user).post(autosave_url(post), post_data(body_source="typing…"))
        assert response.status_code == 200
        assert "saved_at" in response.json()
        revision = post.revisions.get(kind=Revision.Kind.AUTOSAVE)
        assert revision.body_source == "typing…"
        post.refresh_from_db()
        assert post.body_source == "saved"

    def test_repeated_autosaves_update_one_revision(self, user, blog):
        post = save_requested_post(blog=blog, by=user, request=PostRequest(title="T"))
        client = client_for(user)
        client.post(autosave_url(post), post_data(body_source="one"))
        client.post(autosave_url(post), post_data(body_source="two"))
        assert list(
            post.revisions.filter(kind="autosave").values_list("body_source", flat=True)
        ) == ["two"]

    def test_bad_input_gets_400_with_messages(self, user, blog):
        post = PostFactory(blog=blog)
        response = client_for(user).post(autosave_url(post), post_data(title="x" * 201))
        assert response.status_code == 400
        assert "title" in response.json()["errors"]

    def test_get_is_refused(self, user, blog):
        post = PostFactory(blog=blog)
        assert client_for(user).get(autosave_url(post)).status_code == 405

    def test_anonymous_gets_403_json(self, client, blog):
        post = PostFactory(blog=blog)
        response = client.post(autosave_url(post), post_data())
        assert response.status_code == 403
        assert response.json()["errors"]

    def test_author_cannot_autosave_someone_elses_post(self, blog):
        post = PostFactory(blog=blog)
        author = member(blog, Role.AUTHOR).user
        response = client_for(author).post(autosave_url(post), post_data())
        assert response.status_code == 403
        assert not post.revisions.exists()


class AutosaveNewPostTests:
    def test_first_autosave_creates_a_draft_and_says_where_it_lives(self, user, blog):
        response = client_for(user).post(
            autosave_new_url(blog),
            post_data(title="Черновик", body_source="начало", status="published"),
        )
        assert response.status_code == 200
        post = Post.objects.get()
        assert (post.status, post.body_source) == (Post.Status.DRAFT, "начало")
        assert response.json() == {
            "post_id": post.pk,
            "edit_url": reverse("writing:post_edit", args=[blog.name, post.pk]),
            "autosave_url": autosave_url(post),
            "version": post.version,
            "saved_at": response.json()["saved_at"],
        }

    def test_autosave_without_a_title_still_keeps_the_text(self, user, blog):
        client_for(user).post(autosave_new_url(blog), post_data(title="", body_source="text"))
        assert Post.objects.get().body_source == "text"

    def test_then_saving_the_form_updates_the_same_post(self, user, blog):
        client = client_for(user)
        created = client.post(autosave_new_url(blog), post_data(body_source="draft")).json()
        client.post(
            created["edit_url"], post_data(body_source="final", base_version=created["version"])
        )
        assert Post.objects.get().body_source == "final"

    def test_stranger_gets_403_and_nothing_is_stored(self, blog):
        stranger = member(BlogFactory(), Role.OWNER).user
        response = client_for(stranger).post(autosave_new_url(blog), post_data())
        assert response.status_code == 403
        assert not Post.objects.exists()

    def test_contributor_may_autosave_a_new_page_only_if_allowed(self, blog):
        contributor = member(blog, Role.CONTRIBUTOR).user
        response = client_for(contributor).post(autosave_new_url(blog), post_data(kind="page"))
        assert response.status_code == 403
        assert not Post.objects.exists()

    def test_over_long_body_gets_400(self, user, blog):
        response = client_for(user).post(
            autosave_new_url(blog), post_data(body_source="x" * 1_000_001)
        )
        assert response.status_code == 400
        assert "body_source" in response.json()["errors"]
        assert not Post.objects.exists()
