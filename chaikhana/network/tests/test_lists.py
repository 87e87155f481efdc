"""/network/'s lists of people and blogs: filters that work without script, clear empty
states, and a query count that does not grow with the page."""

import pytest
from django.urls import reverse

from chaikhana.core.testing.factories import BlogFactory, UserFactory
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.network.actions import delete_blog, suspend_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db, client):
    person = UserFactory(username="boss", is_staff=True, is_superuser=True)
    log_in_verified(client, person)
    return person


class PeopleListTests:
    def test_state_filter_shows_only_suspended_accounts(self, client, staff):
        UserFactory(username="reader-ok")
        suspend_user(user=UserFactory(username="spammer"), by=staff, reason="spam")
        html = client.get(reverse("network:people"), {"state": "suspended"}).content.decode()
        assert "spammer" in html and "reader-ok" not in html
        assert "q=&amp;" not in html and "Clear the filter" in html

    def test_empty_result_says_so_and_offers_the_way_back(self, client, staff):
        html = client.get(reverse("network:people"), {"q": "nobody-like-this"}).content.decode()
        assert "Nobody matches." in html and "Show everything" in html

    def test_unknown_state_is_a_quiet_no_filter(self, client, staff):
        response = client.get(reverse("network:people"), {"state": "../../etc"})
        assert response.status_code == 200 and "boss" in response.content.decode()

    def test_query_count_does_not_grow_with_the_page(
        self, client, staff, django_assert_num_queries
    ):
        for size in (3, 12):
            while len(UserFactory._meta.model.objects.all()) < size:
                BlogFactory()  # an owner with one blog each
            # session, user, verified device, the count, the page (blogs counted in it)
            with django_assert_num_queries(5):
                assert client.get(reverse("network:people")).status_code == 200


class BlogListTests:
    def test_state_filter_finds_blogs_marked_for_deletion(self, client, staff):
        doomed, kept = BlogFactory(name="doomed"), BlogFactory(name="kept")
        delete_blog(blog=doomed, by=staff, reason="abandoned")
        html = client.get(reverse("network:blogs"), {"state": "deleting"}).content.decode()
        assert "/@doomed/" in html and "/@kept/" not in html
        assert kept.title not in html

    def test_pages_keep_the_filter_in_their_links(self, client, staff):
        for n in range(51):
            BlogFactory(name=f"pager-{n:02d}")
        html = client.get(reverse("network:blogs"), {"q": "pager"}).content.decode()
        assert 'href="?q=pager&amp;page=2"' in html
