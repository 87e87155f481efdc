"""The portal's blog through the APIs: never listed, every write and read refused with a
message naming the editors' desk — also for the editors the desk made members of it."""

import xmlrpc.client

import pytest
from django.urls import reverse

from chaikhana.accounts.app_passwords import create_app_password
from chaikhana.blogs.models import Post
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import (
    BlogFactory,
    MembershipFactory,
    PostFactory,
    UserFactory,
)


@pytest.fixture
def portal(db):
    return BlogFactory(name="portal", title="The portal", is_editorial=True, owner=UserFactory())


@pytest.fixture
def editor(portal, blog, user):
    """An editor at the desk (so an EDITOR member of the portal) who also has her own blog."""
    MembershipFactory(blog=portal, user=user, role=Role.EDITOR)
    return user


@pytest.fixture
def story(portal):
    return PostFactory(blog=portal, title="A story", slug="a-story")


@pytest.fixture
def password(editor):
    return create_app_password(user=editor, name="phone")[1]


def call(client, method, *params):
    response = client.post(
        "/xmlrpc.php", xmlrpc.client.dumps(params, method), content_type="text/xml"
    )
    try:
        return xmlrpc.client.loads(response.content)[0][0]
    except xmlrpc.client.Fault as fault:
        return fault


def names_the_desk(message: str) -> bool:
    return reverse("portal:desk") in message


@pytest.mark.django_db
class XmlRpcPortalTests:
    def test_users_blogs_leave_out_the_portal_when_she_edits_at_the_desk(
        self, client, blog, editor, password
    ):
        blogs = call(client, "wp.getUsersBlogs", editor.username, password)
        assert [b["blogid"] for b in blogs] == [str(blog.pk)]
        assert call(client, "blogger.getUsersBlogs", "", editor.username, password) == blogs

    def test_new_post_is_refused_naming_the_desk_when_sent_to_the_portal(
        self, client, portal, editor, password
    ):
        content = {"post_title": "Scoop", "post_content": "x", "terms_names": {"category": ["New"]}}
        fault = call(client, "wp.newPost", portal.pk, editor.username, password, content)
        assert fault.faultCode == 401 and names_the_desk(fault.faultString)
        old = call(client, "metaWeblog.newPost", portal.pk, editor.username, password, content, 1)
        assert old.faultCode == 401 and names_the_desk(old.faultString)
        assert not Post.objects.filter(title="Scoop").exists()
        assert not portal.categories.exists()

    @pytest.mark.parametrize(
        ("method", "extra"),
        [
            ("wp.editPost", ({"post_title": "Changed", "post_status": "draft"},)),
            ("wp.getPost", ()),
            ("wp.deletePost", ()),
        ],
    )
    def test_a_portal_story_is_refused_naming_the_desk(
        self, client, portal, editor, password, story, method, extra
    ):
        fault = call(client, method, portal.pk, editor.username, password, story.pk, *extra)
        assert fault.faultCode == 401 and names_the_desk(fault.faultString)
        story.refresh_from_db()
        assert (story.title, story.status) == ("A story", Post.Status.PUBLISHED)

    def test_metaweblog_and_blogger_refuse_a_portal_story(self, client, editor, password, story):
        edit = call(client, "metaWeblog.editPost", story.pk, editor.username, password, {}, 0)
        deleted = call(client, "blogger.deletePost", "", story.pk, editor.username, password, 1)
        assert [edit.faultCode, deleted.faultCode] == [401, 401]
        assert Post.objects.get(pk=story.pk).status == Post.Status.PUBLISHED

    def test_a_stranger_to_the_portal_gets_not_found(self, client, blog, user, story):
        password = create_app_password(user=user, name="phone")[1]
        fault = call(client, "wp.getPost", blog.pk, user.username, password, story.pk)
        assert fault.faultCode == 404


def micropub(client, token, data, **extra):
    return client.post("/micropub", data, HTTP_AUTHORIZATION=f"Bearer {token}", **extra)


@pytest.mark.django_db
class MicropubPortalTests:
    def test_config_leaves_out_the_portal(self, client, blog, editor, password):
        config = client.get("/micropub?q=config", HTTP_AUTHORIZATION=f"Bearer {password}").json()
        assert [d["name"] for d in config["destination"]] == [blog.title]

    def test_a_portal_destination_is_forbidden_naming_the_desk(
        self, client, portal, editor, password
    ):
        response = micropub(
            client, password, {"h": "entry", "content": "x", "mp-destination": "portal"}
        )
        assert response.status_code == 403 and response.json()["error"] == "forbidden"
        assert names_the_desk(response.json()["error_description"])
        assert not Post.objects.filter(blog=portal).exclude(title="A story").exists()

    def test_the_first_blog_is_hers_not_the_portal_when_no_destination_is_named(
        self, client, portal, blog, user, password
    ):
        # The desk's membership is older than her own blog's here.
        portal.memberships.filter(user=user).update(created_at="2000-01-01T00:00:00Z")
        assert micropub(client, password, {"h": "entry", "content": "x"}).status_code == 201
        assert Post.objects.get().blog == blog

    def test_an_editor_only_at_the_desk_is_told_where_to_write(self, client, portal):
        editor = UserFactory()
        MembershipFactory(blog=portal, user=editor, role=Role.EDITOR)
        token = create_app_password(user=editor, name="phone")[1]
        response = micropub(client, token, {"h": "entry", "content": "x"})
        assert response.status_code == 403 and names_the_desk(response.json()["error_description"])

    @pytest.mark.parametrize(
        "body",
        [
            {"action": "update", "replace": {"content": ["changed"]}},
            {"action": "delete"},
        ],
    )
    def test_update_and_delete_of_a_portal_story_are_forbidden(
        self, client, editor, password, story, body
    ):
        body = dict(body, url=f"http://testserver{story.get_absolute_url()}")
        response = micropub(client, password, body, content_type="application/json")
        assert response.status_code == 403 and response.json()["error"] == "forbidden"
        assert names_the_desk(response.json()["error_description"])
        story.refresh_from_db()
        assert "changed" not in story.body_html
