"""No XML-RPC answer joins a pen name to an account: a colleague on a shared blog calls every
reading method and finds the writer's pen name and a per-blog id, never her username, email
or account id, and nothing that matches her on her other blog."""

import xmlrpc.client

import pytest

from chaikhana.accounts.app_passwords import create_app_password
from chaikhana.blogs.models import Revision
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import (
    BlogFactory,
    CategoryFactory,
    MembershipFactory,
    PostFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def call(client, path, method, *params):
    body = xmlrpc.client.dumps(params, method, allow_none=True)
    response = client.post(path, body, content_type="text/xml")
    assert response.status_code == 200, method
    answer = xmlrpc.client.loads(response.content)[0][0]
    return answer, response.content.decode()


@pytest.fixture
def shared():
    """Writer "secretlogin" owns two blogs under two pen names; a colleague edits the first."""
    UserFactory.create_batch(3)  # account ids and membership ids must not coincide by chance
    writer = UserFactory(username="secretlogin", email="secret@example.org")
    river = BlogFactory(name="river", owner=writer)
    hills = BlogFactory(name="hills", owner=writer)
    mine = river.memberships.get(user=writer)
    mine.pen_name = "Река"
    mine.save()
    colleague = UserFactory()
    MembershipFactory(blog=river, user=colleague, role=Role.EDITOR, pen_name="Коллега")
    post = PostFactory(blog=river, author=mine, byline="Река", status="draft")
    post.categories.add(CategoryFactory(blog=river))
    Revision.objects.create(
        post=post, user=writer, kind=Revision.Kind.SAVE, title=post.title, body_format="html"
    )
    other = hills.memberships.get(user=writer)
    assert mine.pk != writer.pk and other.pk != writer.pk
    _, password = create_app_password(user=colleague, name="desktop")
    return {"writer": writer, "post": post, "mine": mine, "other": other, "colleague": colleague,
            "password": password}  # fmt: skip


class XmlRpcPrivacyTests:
    def test_no_reading_method_names_the_writers_account_when_a_colleague_asks(
        self, client, shared
    ):
        post, who = shared["post"], (shared["colleague"].username, shared["password"])
        calls = [
            ("wp.getPost", 1, *who, post.pk),
            ("wp.getPosts", 1, *who, {"post_status": "draft"}),
            ("metaWeblog.getPost", post.pk, *who),
            ("metaWeblog.getRecentPosts", 1, *who, 10),
            ("mt.getRecentPostTitles", 1, *who, 10),
            ("mt.getPostCategories", post.pk, *who),
            ("wp.getRevisions", 1, *who, post.pk),
            ("wp.getAuthors", 1, *who),
            ("wp.getUsersBlogs", *who),
            ("blogger.getUsersBlogs", "", *who),
            ("blogger.getUserInfo", "", *who),
        ]
        answers = {}
        for method, *params in calls:
            answers[method], text = call(client, "/@river/xmlrpc.php", method, *params)
            assert "secretlogin" not in text and "secret@example.org" not in text, method
            assert "hills" not in text, method  # her other blog
        writer_ids = {str(shared["writer"].pk)}
        assert answers["wp.getPost"]["post_author"] == str(shared["mine"].pk)
        assert answers["wp.getPosts"][0]["post_author"] == str(shared["mine"].pk)
        assert answers["metaWeblog.getPost"]["userid"] == str(shared["mine"].pk)
        assert answers["metaWeblog.getPost"]["wp_author_display_name"] == "Река"
        authors = {a["display_name"]: a for a in answers["wp.getAuthors"]}
        assert authors["Река"]["user_id"] == str(shared["mine"].pk)
        assert not writer_ids & {a["user_id"] for a in authors.values()}
        assert answers["blogger.getUserInfo"]["nickname"] == "Коллега"
        assert answers["blogger.getUserInfo"]["email"] == ""

    def test_the_writer_has_another_id_on_her_other_blog_when_she_lists_her_authors(
        self, client, shared
    ):
        writer = shared["writer"]
        _, password = create_app_password(user=writer, name="desktop")
        here, _ = call(client, "/@river/xmlrpc.php", "wp.getAuthors", 1, "secretlogin", password)
        there, _ = call(client, "/@hills/xmlrpc.php", "wp.getAuthors", 1, "secretlogin", password)
        assert {a["user_id"] for a in there} == {str(shared["other"].pk)}
        assert str(shared["other"].pk) not in {a["user_id"] for a in here}
