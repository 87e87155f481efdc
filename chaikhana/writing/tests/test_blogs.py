import re

import pytest
from django.test import override_settings
from django.urls import reverse

from chaikhana.blogs.models import Blog, Membership
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import BlogFactory, UserFactory
from chaikhana.writing.tests.helpers import client_for, member

pytestmark = pytest.mark.django_db

CREATE = reverse("writing:blog_create")


def blog_data(**overrides):
    data = {
        "name": "chai-notes",
        "title": "Чайные заметки",
        "tagline": "",
        "language": "ru",
        "theme": "text",
        "visibility": "public",
        "pen_name": "Айгуль",
    }
    data.update(overrides)
    return data


class BlogCreateTests:
    def test_form_prefills_pen_name_with_display_name(self):
        user = UserFactory(display_name="Айгуль К.")
        page = client_for(user).get(CREATE).content.decode()
        assert 'value="Айгуль К."' in page
        assert "Readers see this name. It need not be your username." in page

    def test_creates_blog_and_owner_then_shows_its_posts(self, user):
        response = client_for(user).post(CREATE, blog_data())
        assert response.status_code == 302
        assert response["Location"] == reverse("writing:posts", args=["chai-notes"])
        membership = Membership.objects.get(blog__name="chai-notes")
        assert (membership.user, membership.role, membership.pen_name) == (
            user,
            Role.OWNER,
            "Айгуль",
        )

    @pytest.mark.parametrize(
        ("name", "message"),
        [
            ("admin", "is reserved for the network"),
            ("Chai Notes!", "Use lowercase latin letters"),
            ("-chai", "Use lowercase latin letters"),
        ],
    )
    def test_refuses_bad_address_keeping_what_was_typed(self, user, name, message):
        response = client_for(user).post(CREATE, blog_data(name=name))
        page = response.content.decode()
        assert response.status_code == 200
        assert message in page
        assert "Чайные заметки" in page
        assert not Blog.objects.filter(title="Чайные заметки").exists()

    def test_refuses_taken_address_next_to_the_field(self, user):
        BlogFactory(name="chai-notes")
        response = client_for(user).post(CREATE, blog_data())
        assert "This address is taken" in response.content.decode()
        assert response.context["form"].errors["name"]

    @override_settings(BLOGS_PER_USER=1)
    def test_refuses_when_user_has_reached_the_blog_limit(self, user, blog):
        response = client_for(user).post(CREATE, blog_data())
        assert "the most this network allows" in response.content.decode()
        assert response.context["form"].non_field_errors()
        assert not Blog.objects.filter(name="chai-notes").exists()

    def test_requires_pen_name(self, user):
        response = client_for(user).post(CREATE, blog_data(pen_name=""))
        assert response.context["form"].errors["pen_name"]

    def test_anonymous_visitor_is_sent_to_log_in(self, client):
        assert client.get(CREATE)["Location"].startswith(reverse("accounts:login"))


class BlogSettingsTests:
    def url(self, blog):
        return reverse("writing:blog_settings", args=[blog.name])

    def test_owner_changes_title_and_css(self, user, blog):
        response = client_for(user).post(
            self.url(blog),
            {
                "title": "New title",
                "tagline": "t",
                "language": "ky",
                "theme": "photo",
                "visibility": "unlisted",
                "custom_css": "body { color: #222; }",
                "feed_items": "10",
            },
        )
        assert response.status_code == 302
        blog.refresh_from_db()
        assert (blog.title, blog.language, blog.custom_css) == (
            "New title",
            "ky",
            "body { color: #222; }",
        )

    def test_bad_css_is_refused_next_to_the_field_and_nothing_is_stored(self, user, blog):
        css = "body { background: url(https://tracker.example/p.gif); }"
        response = client_for(user).post(
            self.url(blog),
            {
                "title": "Changed",
                "language": "ru",
                "theme": "text",
                "visibility": "public",
                "custom_css": css,
            },
        )
        page = response.content.decode()
        assert response.context["form"].errors["custom_css"]
        assert "files of this site" in page
        assert "tracker.example/p.gif" in page  # what she typed is still there
        blog.refresh_from_db()
        assert blog.title != "Changed"

    @pytest.mark.parametrize("role", [Role.EDITOR, Role.AUTHOR, Role.CONTRIBUTOR])
    def test_other_members_get_403(self, blog, role):
        other = member(blog, role).user
        assert client_for(other).get(self.url(blog)).status_code == 403

    def test_full_text_in_feeds_is_on_until_the_owner_unticks_it(self, user, blog):
        page = client_for(user).get(self.url(blog)).content.decode()
        assert re.search(r'<input type="checkbox" name="feed_full_text"[^>]* checked>', page)
        data = {
            "title": blog.title,
            "language": "ru",
            "theme": "text",
            "visibility": "public",
            "feed_items": "10",
        }
        assert client_for(user).post(self.url(blog), data).status_code == 302
        blog.refresh_from_db()
        assert blog.feed_full_text is False
        client_for(user).post(self.url(blog), {**data, "feed_full_text": "on"})
        blog.refresh_from_db()
        assert blog.feed_full_text is True

    @pytest.mark.parametrize("typed", ["0", "51", "ten"])
    def test_posts_in_feeds_out_of_range_is_refused_next_to_the_field(self, user, blog, typed):
        title = blog.title
        data = {
            "title": "Changed",
            "language": "ru",
            "theme": "text",
            "visibility": "public",
            "feed_items": typed,
        }
        response = client_for(user).post(self.url(blog), data)
        assert response.status_code == 200
        assert response.context["form"].errors["feed_items"]
        assert f'value="{typed}"' in response.content.decode()  # what she typed is kept
        blog.refresh_from_db()
        assert (blog.title, blog.feed_items) == (title, 10)  # nothing of the form stored

    def test_posts_in_feeds_is_saved_when_the_owner_chooses_a_number(self, user, blog):
        data = {
            "title": blog.title,
            "language": "ru",
            "theme": "text",
            "visibility": "public",
            "feed_items": "25",
        }
        assert client_for(user).post(self.url(blog), data).status_code == 302
        blog.refresh_from_db()
        assert blog.feed_items == 25
