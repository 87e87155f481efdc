"""The error pages speak the reader's language and offer a way on (core/error_pages.py)."""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import OperationalError
from django.test import Client
from django.urls import include, path

from chaikhana.core.errors import RefusedWithWayOut

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


def _boom(request):
    raise RuntimeError("a bug")


def _refused(request):
    raise RefusedWithWayOut("Use the desk", url="/portal/desk/", label="Open the desk")


def _database_away(request):
    raise OperationalError("connection failed: the database system is shutting down")


def _forbidden(request):
    raise PermissionDenied


def _suspicious(request):
    raise SuspiciousOperation("a forged header")


urlpatterns = [
    path("boom/", _boom),
    path("suspicious/", _suspicious),
    path("refused/", _refused),
    path("forbidden/", _forbidden),
    path("database-away/", _database_away),
    path("", include("chaikhana.urls")),
]
# As in chaikhana/urls.py, named by path so core's tests import no app above core.
handler400 = "chaikhana.core.error_pages.bad_request"
handler403 = "chaikhana.core.views.permission_denied"
handler404 = "chaikhana.blogs.views.errors.page_not_found"
handler500 = "chaikhana.core.error_pages.server_error"

NOT_FOUND = {"ru": "Страница не найдена", "ky": "Барак табылган жок", "en": "Page not found"}
BAD = {
    "ru": "Запрос не удалось понять",
    "ky": "Суроону түшүнүү мүмкүн болгон жок",
    "en": "The request could not be understood",
}
BROKEN = {
    "ru": "У нас что-то сломалось",
    "ky": "Биз тарапта бир нерсе бузулду",
    "en": "Something went wrong on our side",
}
CSRF = {
    "ru": "Форму не удалось отправить",
    "ky": "Форманы жөнөтүү мүмкүн болгон жок",
    "en": "This form could not be sent",
}
FORBIDDEN = {
    "ru": "У вас нет доступа к этой странице.",
    "ky": "Бул баракты ачууга укугуңуз жок.",
    "en": "You may not open this page.",
}
BACK_SOON = {"ru": "Скоро вернёмся", "ky": "Жакында кайтабыз", "en": "Back in a moment"}
SEARCH = {"ru": "Поиск", "ky": "Издөө", "en": "Search"}
LANGUAGES = ["ru", "ky", "en"]


def _get(client, url, language):
    return client.get(url, HTTP_ACCEPT_LANGUAGE=language)


class ErrorPageTests:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_missing_page_is_in_the_readers_language_with_a_search_when_not_found(
        self, client, language
    ):
        response = _get(client, "/no-such-page/", language)
        html = response.content.decode()
        assert response.status_code == 404
        assert NOT_FOUND[language] in html and SEARCH[language] in html
        assert 'action="/search/"' in html and 'href="/"' in html

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_bad_request_is_in_the_readers_language_when_the_request_is_suspicious(
        self, client, language
    ):
        response = _get(client, "/suspicious/", language)
        assert response.status_code == 400 and BAD[language] in response.content.decode()

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_server_error_is_in_the_readers_language_when_a_view_fails(self, language):
        client = Client(raise_request_exception=False)
        response = _get(client, "/boom/", language)
        html = response.content.decode()
        assert response.status_code == 500
        assert BROKEN[language] in html and 'href="/"' in html and "a bug" not in html

    def test_server_error_page_shows_when_the_database_is_what_failed(self, django_db_blocker):
        client = Client(raise_request_exception=False)
        with django_db_blocker.block():  # any query would raise
            response = _get(client, "/boom/", "ru")
        assert response.status_code == 500 and BROKEN["ru"] in response.content.decode()

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_unavailable_page_is_in_the_readers_language_when_the_database_is_away(self, language):
        client = Client(raise_request_exception=False)
        response = _get(client, "/database-away/", language)
        assert response.status_code == 503 and response["Retry-After"] == "10"
        assert BACK_SOON[language] in response.content.decode()
        assert response["Cache-Control"] == "no-store"

    def test_unavailable_page_follows_the_language_cookie_when_one_is_set(self):
        client = Client(raise_request_exception=False)
        client.cookies["django_language"] = "ky"
        response = _get(client, "/database-away/", "en")
        assert BACK_SOON["ky"] in response.content.decode()

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_refused_form_is_explained_in_the_readers_language_when_csrf_fails(self, language):
        client = Client(enforce_csrf_checks=True)
        response = client.post("/accounts/login/", {}, HTTP_ACCEPT_LANGUAGE=language)
        html = response.content.decode()
        assert response.status_code == 403 and CSRF[language] in html
        assert 'action="/search/"' in html

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_forbidden_page_is_in_the_readers_language_when_refused(self, client, language):
        response = _get(client, "/forbidden/", language)
        html = response.content.decode()
        assert response.status_code == 403 and FORBIDDEN[language] in html
        assert SEARCH[language] in html and 'href="/"' in html

    def test_forbidden_page_keeps_its_way_out_when_the_refusal_names_one(self, client):
        response = _get(client, "/refused/", "en")
        html = response.content.decode()
        assert response.status_code == 403
        assert "Use the desk" in html and '<a href="/portal/desk/">Open the desk</a>' in html
