import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import BlogFactory, UserFactory
from chaikhana.writing.tests.helpers import client_for, member

pytestmark = pytest.mark.django_db


def look_data(**overrides):
    data = {
        "theme": "magazine",
        "accent_color": "",
        "header_image": "",
        "layout_width": "",
        "list_layout": "",
    }
    return data | overrides


class ThemePickerTests:
    def test_picker_shows_every_theme_with_its_screenshot_and_a_preview_link(self, blog, user):
        html = client_for(user).get(reverse("writing:blog_theme", args=[blog.name])).content
        html = html.decode()
        for key in ("text", "photo", "magazine", "notebook"):
            assert f"blogs/themes/{key}" in html
            assert f"?preview_theme={key}" in html
            assert finders.find(f"blogs/themes/{key}.png")

    def test_owner_switches_theme_and_readers_see_it(self, client, blog, user):
        url = reverse("writing:blog_theme", args=[blog.name])
        response = client_for(user).post(url, look_data(accent_color="#1d3b8a"))
        assert response.status_code == 302
        html = client.get(blog.get_absolute_url()).content.decode()
        assert '<body class="theme-magazine ' in html and "--accent:#1d3b8a" in html

    def test_unreadable_accent_shows_the_error_at_the_field_and_keeps_the_input(self, blog, user):
        url = reverse("writing:blog_theme", args=[blog.name])
        response = client_for(user).post(url, look_data(accent_color="#fafafa"))
        html = response.content.decode()
        assert response.status_code == 200
        assert "hard to read" in html and 'value="#fafafa"' in html
        blog.refresh_from_db()
        assert blog.theme == "text"

    def test_header_image_must_come_from_the_blogs_library(self, blog, user):
        url = reverse("writing:blog_theme", args=[blog.name])
        response = client_for(user).post(url, look_data(header_image="/media/elsewhere.jpg"))
        assert response.status_code == 200
        blog.refresh_from_db()
        assert blog.header_image == ""

    def test_an_author_may_not_open_the_picker(self, blog):
        author = member(blog, Role.AUTHOR).user
        response = client_for(author).get(reverse("writing:blog_theme", args=[blog.name]))
        assert response.status_code in (403, 404)

    def test_someone_elses_blog_is_not_found(self):
        other = BlogFactory()
        response = client_for(UserFactory()).get(reverse("writing:blog_theme", args=[other.name]))
        assert response.status_code in (403, 404)


class SettingsFormTests:
    def test_theme_is_not_changed_from_the_settings_form_any_more(self, blog, user):
        url = reverse("writing:blog_settings", args=[blog.name])
        data = {
            "title": "T",
            "language": "ru",
            "theme": "photo",
            "visibility": "public",
            "feed_items": "10",
        }
        assert client_for(user).post(url, data).status_code == 302
        blog.refresh_from_db()
        assert blog.theme == "text"
