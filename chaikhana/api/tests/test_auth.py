"""A token limited to blog A never touches blog B, through any door: the JSON API, XML-RPC
(the network's address, B's own, and A's own naming B's ids) and Micropub. Each door is
tried on A (it works) and on B (refused, nothing in B read or changed)."""

from __future__ import annotations

import xmlrpc.client

import pytest

from chaikhana.accounts.app_passwords import SCOPES, create_app_password
from chaikhana.api.tests.helpers import call
from chaikhana.blogs.models import Post
from chaikhana.core.testing.factories import BlogFactory, PostFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_blogs():
    """She owns A and B; B holds a private post and a draft; the token is for A alone."""
    writer = UserFactory()
    a, b = BlogFactory(name="alpha", owner=writer), BlogFactory(name="beta", owner=writer)
    own = {blog: blog.memberships.get() for blog in (a, b)}
    posts = {
        (blog, status): PostFactory(blog=blog, author=own[blog], status=status, slug=f"{status}")
        for blog in (a, b)
        for status in (Post.Status.PRIVATE, Post.Status.DRAFT)
    }
    _, token = create_app_password(user=writer, name="A only", scopes=list(SCOPES), blog_ids=[a.pk])
    return writer, a, b, posts, token


def rpc(client, path, method, *params):
    body = xmlrpc.client.dumps(params, method, allow_none=True)
    answer = client.post(path, body, content_type="text/xml")
    try:
        return xmlrpc.client.loads(answer.content)[0][0]
    except xmlrpc.client.Fault as fault:
        return fault


def b_unchanged(b, posts):
    kept = {p.pk: (p.title, p.status) for (blog, _s), p in posts.items() if blog == b}
    now = {p.pk: (p.title, p.status) for p in Post.objects.filter(blog=b)}
    return now == kept


class BlogRestrictionMatrixTests:
    def test_xmlrpc_reaches_a_and_never_b_when_the_password_is_for_a(self, client, two_blogs):
        writer, _a, b, posts, token = two_blogs
        who = (writer.username, token)
        new = {"post_title": "Новый", "post_content": "x", "post_status": "publish"}
        assert isinstance(rpc(client, "/@alpha/xmlrpc.php", "wp.newPost", 0, *who, new), str)
        draft_b = posts[(b, Post.Status.DRAFT)].pk
        refused = {
            "B's address": rpc(client, "/@beta/xmlrpc.php", "wp.getUsersBlogs", *who),
            "the network's": rpc(client, "/xmlrpc.php", "wp.getUsersBlogs", *who),
            "new in B at A": rpc(client, "/@alpha/xmlrpc.php", "wp.newPost", b.pk, *who, new),
            "get at A": rpc(client, "/@alpha/xmlrpc.php", "wp.getPost", 0, *who, draft_b),
            "list at A": rpc(client, "/@alpha/xmlrpc.php", "wp.getPosts", b.pk, *who),
            "edit at A": rpc(
                client, "/@alpha/xmlrpc.php", "wp.editPost", 0, *who, draft_b, {"post_title": "!"}
            ),
            "publish at A": rpc(client, "/@alpha/xmlrpc.php", "mt.publishPost", draft_b, *who),
            "metaWeblog at A": rpc(
                client, "/@alpha/xmlrpc.php", "metaWeblog.getPost", draft_b, *who
            ),
            "delete at A": rpc(client, "/@alpha/xmlrpc.php", "wp.deletePost", 0, *who, draft_b),
        }
        for door, answer in refused.items():
            assert isinstance(answer, xmlrpc.client.Fault), door
            assert answer.faultCode in (403, 404), door
        assert b_unchanged(b, posts)

    def test_micropub_refuses_the_password_when_it_does_not_cover_every_blog(
        self, client, two_blogs
    ):
        _writer, _a, b, posts, token = two_blogs
        for destination in ("alpha", "beta", None):
            data = {"h": "entry", "content": "x"}
            if destination:
                data["mp-destination"] = destination
            answer = client.post("/micropub", data, HTTP_AUTHORIZATION=f"Bearer {token}")
            assert answer.status_code == 403 and "limited" in answer.json()["error_description"]
        assert b_unchanged(b, posts) and not Post.objects.filter(title="").exists()

    def test_the_json_api_reaches_a_and_reads_b_only_as_a_stranger(self, client, two_blogs):
        _writer, _a, b, posts, token = two_blogs
        body = {"title": "Снег", "body": "x"}
        assert call(client, "post", "/manage/alpha/posts", token, json=body).status_code == 201
        assert call(client, "get", "/blogs/alpha/posts/private", token).status_code == 200
        refused = {
            "list B": call(client, "get", "/manage/beta/posts", token),
            "write B": call(client, "post", "/manage/beta/posts", token, json=body),
            "edit B": call(
                client,
                "patch",
                f"/manage/beta/posts/{posts[(b, Post.Status.DRAFT)].pk}",
                token,
                json={"version": 1, "title": "!"},
            ),
            "export": call(client, "post", "/me/export", token),
        }
        for door, answer in refused.items():
            assert answer.status_code == 403, door
            assert answer.json()["type"].endswith("/insufficient-scope"), door
        assert call(client, "get", "/blogs/beta/posts/private", token).status_code == 404
        assert "private" not in call(client, "get", "/blogs/beta/posts", token).content.decode()
        me = call(client, "get", "/me", token).json()
        assert [blog["name"] for blog in me["blogs"]] == ["alpha"]
        assert b_unchanged(b, posts)
