"""The index follows what writers do: publish, edit, unpublish, delete; and a full rebuild."""

import re

import pytest
from django.core.management import call_command

from chaikhana.blogs.actions.blogs import delete_blog, update_blog
from chaikhana.blogs.actions.posts import PostRequest, delete_post, save_requested_post
from chaikhana.blogs.models import Blog, Post
from chaikhana.core.testing.factories import PostFactory
from chaikhana.reading.search.actions import index_post
from chaikhana.reading.search.models import SearchDocument

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what actions schedule on commit (signals, then the immediate task backend)."""

    def run(action, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(**kwargs)

    return run


def found(client, query: str, blog: Blog | None = None) -> list[str]:
    path = f"/@{blog.name}/search/" if blog else "/search/"
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    return re.findall(r'<h2><a href="([^"]+)"', response.content.decode())


def publish(committed, blog, user, **fields) -> Post:
    data = PostRequest(**({"title": "Горы", "status": Post.Status.PUBLISHED} | fields))
    return committed(save_requested_post, blog=blog, by=user, request=data)


def edit(committed, post, user, **changes) -> Post:
    values = {"title": post.title, "body_source": post.body_source, "status": post.status}
    data = PostRequest(**(values | {"slug": post.slug} | changes))
    return committed(save_requested_post, blog=post.blog, by=user, post=post, request=data)


class IndexMaintenanceTests:
    def test_post_is_found_when_writer_publishes_it(self, client, committed, blog, user):
        post = publish(committed, blog, user, body_source="Письмо журналистов.")
        assert found(client, "журналисты") == [post.get_absolute_url()]

    def test_draft_is_not_found_when_writer_saves_it(self, client, committed, blog, user):
        publish(committed, blog, user, status=Post.Status.DRAFT, body_source="Журналисты")
        assert found(client, "журналисты", blog) == []
        assert not SearchDocument.objects.exists()

    def test_new_words_are_found_when_writer_edits_post(self, client, committed, blog, user):
        post = publish(committed, blog, user, body_source="Реки")
        edit(committed, post, user, title="Озёра")
        assert found(client, "озера") == [post.get_absolute_url()]
        assert found(client, "горы") == []

    def test_post_is_gone_when_writer_unpublishes_it(self, client, committed, blog, user):
        post = publish(committed, blog, user)
        edit(committed, post, user, status=Post.Status.DRAFT)
        assert found(client, "горы") == []
        assert not SearchDocument.objects.exists()

    def test_post_is_gone_when_writer_deletes_it(self, client, committed, blog, user):
        post = publish(committed, blog, user)
        committed(delete_post, post=post, by=user)
        assert found(client, "горы") == []
        assert not SearchDocument.objects.exists()

    def test_posts_leave_network_search_when_blog_turns_private(
        self, client, committed, blog, user
    ):
        post = publish(committed, blog, user)
        committed(update_blog, blog=blog, by=user, visibility=Blog.Visibility.PRIVATE)
        assert found(client, "горы") == []
        client.force_login(user)
        assert found(client, "горы", blog) == [post.get_absolute_url()]

    def test_documents_are_gone_when_blog_is_deleted(self, client, committed, blog, user):
        publish(committed, blog, user)
        committed(delete_blog, blog=blog, by=user)
        assert found(client, "горы") == []
        assert not SearchDocument.objects.exists()

    def test_indexing_twice_keeps_one_document(self, blog):
        post = PostFactory(blog=blog)
        assert index_post(post_id=post.pk) and index_post(post_id=post.pk)
        assert SearchDocument.objects.filter(post=post).count() == 1

    def test_indexing_a_missing_post_does_nothing(self, db):
        assert index_post(post_id=123456) is False


class ReindexCommandTests:
    def test_posts_loaded_without_signals_are_found_after_reindex(self, client, blog):
        post = PostFactory(blog=blog, body_source="Горы")  # as the demo loader: no signals
        PostFactory(blog=blog, body_source="Горы", status=Post.Status.DRAFT)
        assert found(client, "горы") == []
        call_command("reindex_search", stdout=None)
        assert found(client, "горы") == [post.get_absolute_url()]

    def test_reindex_twice_gives_the_same_index(self, client, blog):
        posts = [PostFactory(blog=blog, body_source="Горы") for _ in range(3)]
        call_command("reindex_search")
        call_command("reindex_search")
        assert sorted(found(client, "горы")) == sorted(p.get_absolute_url() for p in posts)
        assert SearchDocument.objects.count() == 3

    def test_if_empty_leaves_an_index_that_has_documents(self, client, blog, capsys):
        indexed = PostFactory(blog=blog, body_source="Горы")
        index_post(post_id=indexed.pk)
        PostFactory(blog=blog, body_source="Горы")
        call_command("reindex_search", "--if-empty")
        assert found(client, "горы") == [indexed.get_absolute_url()]
        assert "left as it is" in capsys.readouterr().out
