"""The editor's live preview endpoint (views/preview.py)."""

import pytest
from django.urls import reverse

from chaikhana.blogs.models import Post, Revision
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import BlogFactory, PostFactory
from chaikhana.writing.tests.helpers import client_for, member
from chaikhana.writing.views.preview import PREVIEWS_PER_MINUTE

pytestmark = pytest.mark.django_db


def url(blog):
    return reverse("writing:post_preview", args=[blog.name])


class LivePreviewTests:
    def test_renders_markdown_as_a_save_would_when_sent_text(self, user, blog):
        response = client_for(user).post(
            url(blog), {"body_source": "## Где нет воды\n\n**жирный**"}
        )
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/html")
        html = response.content.decode()
        assert "<h2>Где нет воды</h2>" in html and "<strong>жирный</strong>" in html
        assert "<html" not in html  # a fragment, not a page

    def test_gives_what_the_saved_post_would_serve(self, user, blog):
        source = 'Text <script>alert(1)</script> [a](javascript:alert(1)) <img src="https://elsewhere.example/x.png">'
        saved = PostFactory(blog=blog, body_source=source)
        html = client_for(user).post(url(blog), {"body_source": source}).content.decode()
        assert html == saved.body_html
        assert "<script" not in html and 'href="javascript' not in html

    def test_renders_an_imported_html_post_as_html_when_given_its_id(self, user, blog):
        post = PostFactory(blog=blog, body_format=Post.Format.HTML, body_source="<p>x</p>")
        html = (
            client_for(user)
            .post(url(blog), {"body_source": "<p>Hello <em>there</em></p>", "post": post.pk})
            .content.decode()
        )
        assert html == "<p>Hello <em>there</em></p>"

    def test_never_saves_anything_when_previewing_a_post(self, user, blog):
        post = PostFactory(blog=blog, body_source="before")
        version = post.version
        client_for(user).post(url(blog), {"body_source": "after", "post": post.pk})
        post.refresh_from_db()
        assert (post.body_source, post.version) == ("before", version)
        assert not Revision.objects.filter(post=post).exists()
        assert Post.objects.count() == 1

    def test_refuses_a_get(self, user, blog):
        assert client_for(user).get(url(blog)).status_code == 405

    def test_needs_the_csrf_token(self, user, blog):
        client = client_for(user)
        client.handler.enforce_csrf_checks = True
        assert client.post(url(blog), {"body_source": "x"}).status_code == 403

    def test_refuses_someone_who_is_not_a_member(self, blog):
        stranger = member(BlogFactory(), Role.OWNER).user
        assert client_for(stranger).post(url(blog), {"body_source": "x"}).status_code == 403

    def test_refuses_another_authors_post_id(self, blog):
        author = member(blog, Role.AUTHOR)
        owners = PostFactory(blog=blog)
        response = client_for(author.user).post(url(blog), {"body_source": "x", "post": owners.pk})
        assert response.status_code == 403

    def test_slows_down_a_flood_of_previews(self, user, blog):
        client = client_for(user)
        for _ in range(PREVIEWS_PER_MINUTE):
            assert client.post(url(blog), {"body_source": "x"}).status_code == 200
        response = client.post(url(blog), {"body_source": "x"})
        assert response.status_code == 429
        assert b"Too many previews" in response.content
