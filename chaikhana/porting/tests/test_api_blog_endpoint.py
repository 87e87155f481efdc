"""A blog's own XML-RPC address, /@<blog>/xmlrpc.php, driven by Python's xmlrpc.client
against a live server: that blog is the default, and blog id 0 or 1 means it (WordPress
ignores the id on a single site)."""

import xmlrpc.client

import pytest

from chaikhana.accounts.app_passwords import create_app_password
from chaikhana.blogs.models import Post
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import BlogFactory, MembershipFactory

pytestmark = pytest.mark.django_db(transaction=True)
CONTENT = {"post_title": "С телефона", "post_content": "Текст", "post_status": "publish"}


@pytest.fixture
def second_blog(blog, user):
    """A blog she joined after *blog*: the default at the network's address, never here."""
    other = BlogFactory()
    MembershipFactory(blog=other, user=user, role=Role.OWNER, pen_name="Вторая")
    return other


def server(live_server, path):
    return xmlrpc.client.ServerProxy(f"{live_server.url}{path}")


class BlogEndpointTests:
    def test_users_blogs_name_this_blog_and_its_address_when_asked_at_it(
        self, live_server, blog, user, second_blog
    ):
        _, password = create_app_password(user=user, name="phone")
        blogs = server(live_server, f"/@{second_blog.name}/xmlrpc.php").wp.getUsersBlogs(
            user.username, password
        )
        assert [b["blogid"] for b in blogs] == [str(second_blog.pk)]
        assert blogs[0]["xmlrpc"] == f"{live_server.url}/@{second_blog.name}/xmlrpc.php"

    @pytest.mark.parametrize("blog_id", [0, 1])
    def test_a_new_post_lands_in_this_blog_when_the_id_is_zero_or_one(
        self, live_server, blog, user, second_blog, blog_id
    ):
        _, password = create_app_password(user=user, name="phone")
        proxy = server(live_server, f"/@{second_blog.name}/xmlrpc.php")
        post_id = proxy.wp.newPost(blog_id, user.username, password, CONTENT)
        old_id = proxy.metaWeblog.newPost(
            blog_id, user.username, password, {"title": "Старый клиент", "description": "x"}, 1
        )
        for pk in (post_id, old_id):
            assert Post.objects.get(pk=int(pk)).blog == second_blog
        recent = proxy.metaWeblog.getRecentPosts(blog_id, user.username, password, 10)
        assert {p["postid"] for p in recent} == {post_id, old_id}

    @pytest.mark.parametrize("blog_id", [0, 1])
    def test_the_network_address_takes_her_only_blog_when_the_id_is_zero_or_one(
        self, live_server, blog, user, blog_id
    ):
        _, password = create_app_password(user=user, name="phone")
        proxy = server(live_server, "/xmlrpc.php")
        post_id = proxy.wp.newPost(blog_id, user.username, password, CONTENT)
        assert Post.objects.get(pk=int(post_id)).blog == blog

    def test_the_network_address_asks_which_blog_when_she_has_several(
        self, live_server, blog, user, second_blog
    ):
        _, password = create_app_password(user=user, name="phone")
        with pytest.raises(xmlrpc.client.Fault) as fault:
            server(live_server, "/xmlrpc.php").wp.newPost(0, user.username, password, CONTENT)
        assert fault.value.faultCode == 404 and "wp.getUsersBlogs" in fault.value.faultString
        assert not Post.objects.filter(title=CONTENT["post_title"]).exists()

    def test_a_stranger_gets_the_same_fault_as_for_any_blog_not_hers(
        self, live_server, blog, second_blog
    ):
        stranger = MembershipFactory().user  # a writer elsewhere
        _, password = create_app_password(user=stranger, name="phone")
        with pytest.raises(xmlrpc.client.Fault) as fault:
            server(live_server, f"/@{blog.name}/xmlrpc.php").wp.newPost(
                1, stranger.username, password, CONTENT
            )
        assert fault.value.faultCode == 404
        assert not Post.objects.filter(title=CONTENT["post_title"]).exists()

    def test_pingback_methods_answer_at_the_blogs_address(self, live_server, blog):
        assert (
            "pingback.ping" in server(live_server, f"/@{blog.name}/xmlrpc.php").system.listMethods()
        )


class BlogWebmentionAddressTests:
    def test_a_webmention_without_source_is_a_400_not_a_500(self, client, blog):
        response = client.post(f"/@{blog.name}/webmention", {"target": "https://x.example/"})
        assert response.status_code == 400
