import pytest
from django.urls import reverse

from chaikhana.core.testing.factories import UserFactory
from chaikhana.network import actions

pytestmark = pytest.mark.django_db


@pytest.fixture
def only_russian_and_kyrgyz(db):
    staff = UserFactory(is_staff=True, is_superuser=True)
    actions.update_network_settings(by=staff, languages=["ru", "ky"])


class LanguagesOfferedTests:
    def test_switcher_lists_only_the_languages_the_network_offers(
        self, client, only_russian_and_kyrgyz
    ):
        page = client.get(reverse("directory")).content.decode()
        assert 'value="ru"' in page and 'value="ky"' in page
        assert 'value="en"' not in page

    def test_a_language_not_offered_is_not_remembered(self, client, only_russian_and_kyrgyz):
        response = client.get(reverse("choose_language"), {"language": "en", "next": "/blogs/"})
        assert response.status_code == 302
        assert "django_language" not in response.cookies

    def test_all_three_languages_are_offered_by_default(self, client):
        page = client.get(reverse("directory")).content.decode()
        assert all(f'value="{code}"' in page for code in ("ru", "ky", "en"))
