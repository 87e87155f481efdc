"""The language switcher is a GET (no CSRF cookie on cached pages) that only goes back home."""

from __future__ import annotations


class ChooseLanguageTests:
    def test_sets_the_language_and_goes_back(self, client, blog):
        response = client.get("/i18n/language/", {"language": "ky", "next": "/blogs/"})
        assert response.status_code == 302 and response["Location"] == "/blogs/"
        assert response.cookies["django_language"].value == "ky"
        assert '<html lang="ky">' in client.get("/blogs/").content.decode()

    def test_foreign_next_goes_to_the_front_page(self, client, db):
        response = client.get(
            "/i18n/language/", {"language": "ru", "next": "https://evil.example/"}
        )
        assert response["Location"] == "/"

    def test_unknown_language_changes_nothing(self, client, db):
        response = client.get("/i18n/language/", {"language": "xx", "next": "/"})
        assert response.status_code == 302 and "django_language" not in response.cookies

    def test_page_form_needs_no_csrf_token(self, client, blog):
        html = client.get(blog.get_absolute_url()).content.decode()
        assert 'action="/i18n/language/" method="get"' in html
        assert "csrfmiddlewaretoken" not in html
