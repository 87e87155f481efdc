import pytest
from django.urls import reverse

from chaikhana.blogs.models import Post
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import BlogFactory, PostFactory
from chaikhana.writing.tests.helpers import client_for, member

pytestmark = pytest.mark.django_db


def bulk(blog):
    return reverse("writing:posts_bulk", args=[blog.name])


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


class BulkActionTests:
    def test_publishes_every_selected_draft(self, user, blog):
        drafts = PostFactory.create_batch(3, blog=blog, status=Post.Status.DRAFT)
        response = client_for(user).post(
            bulk(blog), {"action": "publish", "post": [p.pk for p in drafts]}, follow=True
        )
        assert {p.status for p in Post.objects.filter(blog=blog)} == {Post.Status.PUBLISHED}
        assert "3 posts published." in messages_of(response)

    def test_moves_published_posts_to_drafts_and_names_the_one_already_a_draft(self, user, blog):
        published = PostFactory(blog=blog, title="Was public")
        draft = PostFactory(blog=blog, title="Still a draft", status=Post.Status.DRAFT)
        response = client_for(user).post(
            bulk(blog), {"action": "draft", "post": [published.pk, draft.pk]}, follow=True
        )
        published.refresh_from_db()
        assert published.status == Post.Status.DRAFT
        said = messages_of(response)
        assert "1 post moved to drafts." in said
        assert "“Still a draft”: This post is already a draft." in said

    def test_a_contributor_publishes_nothing_and_is_told_why_for_each_post(self, blog):
        contributor = member(blog, Role.CONTRIBUTOR)
        draft = PostFactory(blog=blog, author=contributor, status=Post.Status.DRAFT, title="Mine")
        response = client_for(contributor.user).post(
            bulk(blog), {"action": "publish", "post": [draft.pk]}, follow=True
        )
        draft.refresh_from_db()
        assert draft.status == Post.Status.DRAFT
        assert any(m.startswith("“Mine”: Contributors submit") for m in messages_of(response))

    def test_asks_before_deleting_and_deletes_nothing_until_confirmed(self, user, blog):
        posts = PostFactory.create_batch(2, blog=blog)
        client = client_for(user)
        ids = [p.pk for p in posts]
        page = client.post(bulk(blog), {"action": "delete", "post": ids})
        assert page.status_code == 200 and b"Delete 2 posts for good?" in page.content
        assert Post.objects.filter(pk__in=ids).count() == 2
        response = client.post(
            bulk(blog), {"action": "delete", "post": ids, "confirmed": "1"}, follow=True
        )
        assert not Post.objects.filter(pk__in=ids).exists()
        assert "2 posts deleted." in messages_of(response)

    def test_never_touches_another_blogs_post_when_its_id_is_sent(self, user, blog):
        elsewhere = PostFactory(blog=BlogFactory(), status=Post.Status.DRAFT)
        response = client_for(user).post(
            bulk(blog), {"action": "publish", "post": [elsewhere.pk]}, follow=True
        )
        elsewhere.refresh_from_db()
        assert elsewhere.status == Post.Status.DRAFT
        assert "1 selected post is no longer in this list." in messages_of(response)

    def test_an_author_cannot_bulk_move_someone_elses_post(self, user, blog):
        author = member(blog, Role.AUTHOR)
        owners = PostFactory(blog=blog)
        client_for(author.user).post(bulk(blog), {"action": "draft", "post": [owners.pk]})
        owners.refresh_from_db()
        assert owners.status == Post.Status.PUBLISHED

    def test_asks_to_select_posts_when_none_is_selected(self, user, blog):
        response = client_for(user).post(bulk(blog), {"action": "publish"}, follow=True)
        assert "Select at least one post first." in messages_of(response)

    def test_returns_to_the_same_filtered_list(self, user, blog):
        draft = PostFactory(blog=blog, status=Post.Status.DRAFT)
        response = client_for(user).post(
            bulk(blog),
            {"action": "publish", "post": [draft.pk], "query": "status=draft&q=x"},
        )
        assert (
            response["Location"] == reverse("writing:posts", args=[blog.name]) + "?status=draft&q=x"
        )

    def test_cannot_be_sent_back_to_another_site(self, user, blog):
        draft = PostFactory(blog=blog, status=Post.Status.DRAFT)
        response = client_for(user).post(
            bulk(blog), {"action": "publish", "post": [draft.pk], "query": "//evil.example/"}
        )
        assert response["Location"].startswith(reverse("writing:posts", args=[blog.name]) + "?")
