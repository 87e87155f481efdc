"""The blog's owner sees, exports, imports and removes her subscribers; nobody else sees them."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from chaikhana.blogs.models import Post
from chaikhana.core.testing.factories import MembershipFactory, PostFactory, UserFactory
from chaikhana.newsletters.actions import list_for_blog
from chaikhana.newsletters.models import PostMailing, Subscription
from chaikhana.newsletters.tests.conftest import subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def listed(blog):
    ml = list_for_blog(blog=blog)
    for n in range(5):
        subscriber(ml, f"reader{n}@example.org")
    return ml


def test_the_owner_sees_the_addresses_the_count_and_the_chart(
    client, blog, user, listed, django_assert_max_num_queries
):
    from chaikhana.newsletters.actions.subscriptions import count_day

    count_day(listed.pk, joined=5)
    client.force_login(user)
    with django_assert_max_num_queries(20):
        response = client.get(f"/dashboard/@{blog.name}/subscribers/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "reader0@example.org" in html and "reader4@example.org" in html
    assert "<svg" in html and "<table>" in html


def test_the_list_costs_the_same_queries_for_50_addresses_as_for_5(
    client, blog, user, listed, django_assert_max_num_queries
):
    for n in range(45):
        subscriber(listed, f"more{n}@example.org")
    client.force_login(user)
    with django_assert_max_num_queries(20):
        assert client.get(f"/dashboard/@{blog.name}/subscribers/").status_code == 200


@pytest.mark.parametrize("role", ["editor", "author", "contributor"])
def test_other_members_never_see_the_addresses(client, blog, listed, role):
    member = MembershipFactory(blog=blog, role=role)
    client.force_login(member.user)
    for url in ("subscribers/", "subscribers/export.csv"):
        response = client.get(f"/dashboard/@{blog.name}/{url}")
        assert response.status_code == 403
        assert b"reader0@example.org" not in response.content
    nav = client.get(f"/dashboard/@{blog.name}/").content.decode()
    assert "/subscribers/" not in nav


def test_a_stranger_gets_nothing(client, blog, listed):
    client.force_login(UserFactory())
    response = client.get(f"/dashboard/@{blog.name}/subscribers/export.csv")
    assert response.status_code in (403, 404)
    assert b"reader0@example.org" not in response.content


def test_the_csv_export_lists_current_subscribers_with_their_consent(client, blog, user, listed):
    client.force_login(user)
    response = client.get(f"/dashboard/@{blog.name}/subscribers/export.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert sorted(r["email"] for r in rows) == [f"reader{n}@example.org" for n in range(5)]
    assert set(rows[0]) >= {"email", "status", "frequency", "language", "consent"}


def upload(text: str, name: str = "subscribers.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def test_an_import_keeps_good_rows_and_reports_duplicates_and_bad_rows(client, blog, user, listed):
    client.force_login(user)
    text = (
        "Email,Name\n"  # Substack's and Ghost's header
        "new1@example.org,A\nreader0@example.org,B\nnot-an-address,C\n"
        "new1@example.org,D\nAnna <x@example.org>,E\nnew2@EXAMPLE.org,F\n"
    )
    response = client.post(
        f"/dashboard/@{blog.name}/subscribers/import/",
        {"file": upload(text), "consent": "on"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 addresses added" in html
    assert "Line 4" in html and "Line 6" in html  # the bad rows, by line
    assert "5" in html  # the duplicate's line
    added = Subscription.objects.filter(email__in=["new1@example.org", "new2@example.org"])
    assert added.count() == 2
    assert all("imported by the owner" in s.consent for s in added)
    assert all(s.status == Subscription.Status.ACTIVE for s in added)


def test_an_import_without_consent_or_without_an_email_column_writes_nothing(client, blog, user):
    client.force_login(user)
    url = f"/dashboard/@{blog.name}/subscribers/import/"
    no_consent = client.post(url, {"file": upload("email\na@example.org\n")})
    assert no_consent.status_code == 400
    no_column = client.post(
        url, {"file": upload("name\nAnna\n"), "consent": "on"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert no_column.status_code == 400 and "column" in no_column.content.decode()
    assert not Subscription.objects.exists()


def test_a_wordpress_export_with_semicolons_is_read(client, blog, user):
    client.force_login(user)
    client.post(
        f"/dashboard/@{blog.name}/subscribers/import/",
        {"file": upload("user_email;date\na@example.org;2020-01-01\n"), "consent": "on"},
    )
    assert Subscription.objects.get().email == "a@example.org"


def test_the_owner_removes_a_subscriber_for_good(client, blog, user, listed):
    client.force_login(user)
    sub = Subscription.objects.get(email="reader0@example.org")
    client.post(f"/dashboard/@{blog.name}/subscribers/{sub.pk}/remove/")
    assert not Subscription.objects.filter(email="reader0@example.org").exists()


def test_the_editor_switch_keeps_a_draft_from_being_sent(client, blog, user):
    post = PostFactory(blog=blog, status=Post.Status.DRAFT, published_at=None)
    client.force_login(user)
    page = client.get(f"/dashboard/@{blog.name}/posts/{post.pk}/").content.decode()
    assert f"/dashboard/@{blog.name}/posts/{post.pk}/email/" in page
    client.post(f"/dashboard/@{blog.name}/posts/{post.pk}/email/", {"send": "0"})
    assert PostMailing.objects.filter(post=post, send=False).exists()
    client.post(f"/dashboard/@{blog.name}/posts/{post.pk}/email/", {"send": "1"})
    assert not PostMailing.objects.exists()
