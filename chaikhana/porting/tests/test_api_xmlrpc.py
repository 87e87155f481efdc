"""The WordPress XML-RPC API, driven by python-wordpress-xmlrpc against a live server,
and bad input sent by hand (faults as WordPress answers them, never a 500)."""

import collections
import collections.abc
import io
import xmlrpc.client

import pytest
from PIL import Image

from chaikhana.accounts.app_passwords import create_app_password
from chaikhana.blogs.models import Post
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import (
    PASSWORD,
    CategoryFactory,
    MembershipFactory,
    PostFactory,
    UserFactory,
)

# python-wordpress-xmlrpc predates Python 3.10, where these aliases left collections.
collections.Iterable = collections.abc.Iterable  # type: ignore[attr-defined]
from wordpress_xmlrpc import Client, WordPressPost  # noqa: E402
from wordpress_xmlrpc.methods import media, posts, taxonomies  # noqa: E402


def jpeg_with_exif() -> bytes:
    image = Image.new("RGB", (8, 8), "red")
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.mark.django_db(transaction=True)
class WordPressClientTests:
    def test_a_whole_session_of_the_wordpress_client(self, live_server, blog, user, media_root):
        _, password = create_app_password(user=user, name="python-wordpress-xmlrpc")
        category = CategoryFactory(blog=blog, name="News")
        wp = Client(f"{live_server.url}/xmlrpc.php", user.username, password, blog_id=blog.pk)

        post = WordPressPost()
        post.title, post.content, post.post_status = "Salam", "<p>Первый пост</p>", "publish"
        post.terms_names = {"post_tag": ["bishkek"], "category": ["News"]}
        post_id = wp.call(posts.NewPost(post))
        stored = Post.objects.get(pk=post_id)
        assert (stored.status, stored.title) == (Post.Status.PUBLISHED, "Salam")
        assert list(stored.categories.all()) == [category]

        post.title = "Salam, dunyo"
        assert wp.call(posts.EditPost(post_id, post)) is True
        fetched = wp.call(posts.GetPost(post_id))
        assert (fetched.title, fetched.post_status) == ("Salam, dunyo", "publish")
        assert "Первый пост" in fetched.content
        assert fetched.link.endswith(stored.get_absolute_url())
        assert [p.id for p in wp.call(posts.GetPosts())] == [post_id]

        tags = wp.call(taxonomies.GetTerms("post_tag"))
        assert [(t.name, t.count) for t in tags] == [("bishkek", 1)]
        assert [t.name for t in wp.call(taxonomies.GetTerms("category"))] == ["News"]

        data = {
            "name": "photo.jpg",
            "type": "image/jpeg",
            "bits": xmlrpc.client.Binary(jpeg_with_exif()),
        }
        uploaded = wp.call(media.UploadFile(data))
        assert uploaded["type"] == "image/jpeg" and uploaded["url"].startswith(live_server.url)
        assert b"SecretCam" not in blog.media_files.get().file.read()

        assert wp.call(posts.DeletePost(post_id)) is True
        assert not Post.objects.filter(pk=post_id).exists()

    def test_users_blogs_list_her_blogs(self, live_server, blog, user):
        _, password = create_app_password(user=user, name="app")
        proxy = xmlrpc.client.ServerProxy(f"{live_server.url}/xmlrpc.php")
        blogs = proxy.wp.getUsersBlogs(user.username, password)
        assert [(b["blogid"], b["isAdmin"]) for b in blogs] == [(str(blog.pk), True)]
        assert proxy.blogger.getUsersBlogs("", user.username, password) == blogs


def call(client, method, *params, allow_none=False):
    body = xmlrpc.client.dumps(params, method, allow_none=allow_none)
    response = client.post("/xmlrpc.php", body, content_type="text/xml")
    assert response.status_code == 200
    try:
        return xmlrpc.client.loads(response.content)[0][0]
    except xmlrpc.client.Fault as fault:
        return fault


@pytest.fixture
def password(user):
    return create_app_password(user=user, name="test")[1]


@pytest.mark.django_db
class XmlRpcFaultTests:
    def test_unknown_user_and_wrong_password_get_the_same_fault(self, client, blog, user, password):
        unknown = call(client, "wp.getUsersBlogs", "nobody", password)
        wrong = call(client, "wp.getUsersBlogs", user.username, password[:-3] + "abc")
        assert (unknown.faultCode, unknown.faultString) == (wrong.faultCode, wrong.faultString)
        assert unknown.faultCode == 403

    def test_account_password_is_not_accepted(self, client, blog, user):
        assert call(client, "wp.getUsersBlogs", user.username, PASSWORD).faultCode == 403

    def test_the_fault_names_the_missing_scope_when_a_password_lacks_posts(self, client, user):
        _, reader = create_app_password(user=user, name="reader", scopes=["read"])
        body = xmlrpc.client.dumps((user.username, reader), "wp.getUsersBlogs")
        answer = client.post(
            "/xmlrpc.php", body, content_type="text/xml", HTTP_ACCEPT_LANGUAGE="ru"
        )
        with pytest.raises(xmlrpc.client.Fault) as fault:
            xmlrpc.client.loads(answer.content)
        assert fault.value.faultCode == 403 and "«posts»" in fault.value.faultString
        assert "пароль" in fault.value.faultString  # in the language she reads

    def test_repeated_failures_lock_the_username(self, client, blog, user, password):
        for _ in range(5):
            call(client, "wp.getUsersBlogs", user.username, "wrong")
        locked = call(client, "wp.getUsersBlogs", user.username, password)
        assert locked.faultCode == 403 and "minutes" in locked.faultString

    def test_unknown_method_and_multicall(self, client, db):
        assert call(client, "wp.noSuchThing").faultCode == -32601
        assert call(client, "system.multicall", []).faultCode == -32601

    def test_missing_and_wrongly_typed_arguments(self, client, blog, user, password):
        assert call(client, "wp.newPost", blog.pk, user.username).faultCode == -32602
        assert (
            call(client, "wp.newPost", blog.pk, user.username, password, "text").faultCode == -32602
        )
        assert call(client, "wp.getPost", blog.pk, user.username, password, [1]).faultCode == -32602
        assert call(client, "wp.getUsersBlogs", 1, 2).faultCode == -32602

    def test_not_xml_is_a_parse_fault(self, client, db):
        response = client.post("/xmlrpc.php", b"{not xml", content_type="text/xml")
        with pytest.raises(xmlrpc.client.Fault) as fault:
            xmlrpc.client.loads(response.content)
        assert fault.value.faultCode == -32700

    def test_nil_arguments_are_accepted(self, client, blog, user, password):
        result = call(
            client, "wp.getPosts", blog.pk, user.username, password, None, allow_none=True
        )
        assert result == []

    def test_another_blogs_posts_are_not_found(self, client, blog, user, password):
        stranger = PostFactory()
        assert (
            call(client, "wp.getPost", blog.pk, user.username, password, stranger.pk).faultCode
            == 404
        )
        assert (
            call(client, "wp.getPosts", stranger.blog.pk, user.username, password).faultCode == 404
        )

    def test_contributor_may_not_publish(self, client, blog):
        contributor = UserFactory()
        MembershipFactory(blog=blog, user=contributor, role=Role.CONTRIBUTOR)
        _, password = create_app_password(user=contributor, name="phone")
        content = {"post_title": "Hi", "post_content": "x", "post_status": "publish"}
        refused = call(client, "wp.newPost", blog.pk, contributor.username, password, content)
        assert refused.faultCode == 401 and not Post.objects.exists()
        content["post_status"] = "pending"
        post_id = call(client, "wp.newPost", blog.pk, contributor.username, password, content)
        assert Post.objects.get(pk=post_id).status == Post.Status.PENDING

    def test_contributor_edit_asking_to_publish_changes_nothing(self, client, blog):
        contributor = UserFactory()
        MembershipFactory(blog=blog, user=contributor, role=Role.CONTRIBUTOR)
        _, password = create_app_password(user=contributor, name="phone")
        draft = {"post_title": "Hi", "post_content": "x", "post_status": "draft"}
        post_id = call(client, "wp.newPost", blog.pk, contributor.username, password, draft)
        edit = {"post_title": "Live now?", "post_status": "publish"}
        refused = call(
            client, "wp.editPost", blog.pk, contributor.username, password, post_id, edit
        )
        assert refused.faultCode == 401
        stored = Post.objects.get(pk=post_id)
        assert (stored.title, stored.status, stored.version) == ("Hi", Post.Status.DRAFT, 1)
        assert stored.revisions.count() == 1

    def test_unknown_taxonomy(self, client, blog, user, password):
        assert (
            call(client, "wp.getTerms", blog.pk, user.username, password, "genre").faultCode == 403
        )


@pytest.mark.django_db
class MetaWeblogTests:
    def test_new_edit_get_recent_and_blogger_delete(self, client, blog, user, password):
        struct = {"title": "Old", "description": "<p>text</p>", "mt_keywords": "a, b"}
        post_id = call(client, "metaWeblog.newPost", blog.pk, user.username, password, struct, True)
        assert Post.objects.get(pk=post_id).status == Post.Status.PUBLISHED
        edit = {"title": "New", "dateCreated": xmlrpc.client.DateTime("20240102T03:04:05")}
        assert call(client, "metaWeblog.editPost", post_id, user.username, password, edit, True)
        got = call(client, "metaWeblog.getPost", post_id, user.username, password)
        assert (got["title"], got["mt_keywords"]) == ("New", "a, b")
        assert str(got["dateCreated"]) == "20240102T03:04:05"  # UTC in, UTC out
        recent = call(client, "metaWeblog.getRecentPosts", blog.pk, user.username, password, 5)
        assert [p["postid"] for p in recent] == [post_id]
        assert call(client, "blogger.deletePost", "", post_id, user.username, password, True)
        assert not Post.objects.exists()

    def test_get_post_parses_when_the_title_carries_control_characters(
        self, client, blog, user, password
    ):
        post = PostFactory(blog=blog, author=blog.memberships.get(user=user), title="Bell\x07")
        got = call(client, "metaWeblog.getPost", post.pk, user.username, password)
        assert got["title"] == "Bell"

    def test_draft_when_publish_is_false(self, client, blog, user, password):
        struct = {"title": "Draft", "description": "x"}
        post_id = call(
            client, "metaWeblog.newPost", blog.pk, user.username, password, struct, False
        )
        assert Post.objects.get(pk=post_id).status == Post.Status.DRAFT

    def test_new_media_object_goes_through_the_media_library(
        self, client, blog, user, password, media_root
    ):
        struct = {
            "name": "p.jpg",
            "type": "image/jpeg",
            "bits": xmlrpc.client.Binary(jpeg_with_exif()),
        }
        result = call(client, "metaWeblog.newMediaObject", blog.pk, user.username, password, struct)
        assert result["id"] == str(blog.media_files.get().pk)
        bad = dict(struct, bits=xmlrpc.client.Binary(b"not an image at all"))
        assert (
            call(
                client, "metaWeblog.newMediaObject", blog.pk, user.username, password, bad
            ).faultCode
            == 500
        )
