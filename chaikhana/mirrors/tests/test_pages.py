"""/mirrors/ tells readers where else to read; /network/mirrors/ is where staff list mirrors."""

from __future__ import annotations

import pytest
from django.urls import reverse

from chaikhana.core.testing.factories import UserFactory
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.mirrors.models import Mirror
from chaikhana.network.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True, is_superuser=True)


class PublicPageTests:
    def test_mirrors_onion_and_key_are_listed_when_set(self, client, settings, signing_key):
        settings.ONION_HOST = "abcdefghij234567.onion"
        Mirror.objects.create(url="https://copy.example.org/", label="Copy one")
        Mirror.objects.create(url="https://unbuilt.example.org/", target="/srv/never")
        page = client.get(reverse("mirrors:page")).content.decode()
        assert "https://copy.example.org/" in page
        assert "unbuilt.example.org" not in page  # no complete copy there yet
        assert "http://abcdefghij234567.onion/" in page
        assert signing_key.public_key().to_line() in page

    def test_the_page_speaks_the_readers_language(self, client):
        page = client.get(reverse("mirrors:page"), headers={"accept-language": "ky"})
        assert "Бул сайт бөгөттөлсө" in page.content.decode()

    def test_mirrors_json_lists_the_same(self, client, settings, signing_key):
        settings.ONION_HOST = "abcdefghij234567.onion"
        Mirror.objects.create(url="https://copy.example.org/")
        data = client.get(reverse("mirrors:json")).json()
        assert [m["url"] for m in data["mirrors"]] == ["https://copy.example.org/"]
        assert data["onion"] == "http://abcdefghij234567.onion/"
        assert data["minisign_public_key"] == signing_key.public_key().to_line()

    def test_the_public_key_is_served_in_minisigns_format(self, client, signing_key):
        text = client.get(reverse("mirrors:public_key")).content.decode()
        assert text == signing_key.public_key().to_file()

    def test_every_public_page_says_where_to_go_when_blocked(self, client, blog):
        page = client.get(blog.get_absolute_url()).content.decode()
        assert 'href="/mirrors/"' in page


class StaffTests:
    def test_staff_list_a_mirror_and_it_is_audited(self, client, staff):
        log_in_verified(client, staff)
        response = client.post(
            reverse("mirrors:staff"), {"url": "https://copy.example.org/", "label": "One"}
        )
        assert response.status_code == 302
        mirror = Mirror.objects.get()
        entry = AuditEntry.objects.get(action="mirror.added")
        assert (entry.actor, entry.target_id) == (staff, str(mirror.pk))

    def test_a_bad_target_is_refused_where_it_was_typed(self, client, staff):
        log_in_verified(client, staff)
        response = client.post(
            reverse("mirrors:staff"), {"url": "https://copy.example.org/", "target": "relative/dir"}
        )
        assert response.status_code == 400
        assert "absolute directory" in response.content.decode()
        assert 'value="relative/dir"' in response.content.decode()
        assert not Mirror.objects.exists()

    def test_staff_remove_a_mirror_and_it_is_audited(self, client, staff):
        mirror = Mirror.objects.create(url="https://copy.example.org/")
        log_in_verified(client, staff)
        client.post(reverse("mirrors:remove", args=[mirror.pk]))
        assert not Mirror.objects.exists()
        assert AuditEntry.objects.filter(action="mirror.removed").count() == 1

    def test_others_may_not_open_the_staff_page(self, client, user):
        client.force_login(user)
        assert client.get(reverse("mirrors:staff")).status_code == 403

    def test_a_mirror_with_a_directory_is_built_when_listed(
        self, client, staff, tmp_path, signing_key, django_capture_on_commit_callbacks
    ):
        log_in_verified(client, staff)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                reverse("mirrors:staff"),
                {"url": "https://copy.example.org/", "target": str(tmp_path / "copy")},
            )
        mirror = Mirror.objects.get()
        assert mirror.built_at is not None and mirror.files > 0, mirror.last_error
        assert (tmp_path / "copy" / "current" / "index.html").is_file()
