"""Every staff page: who may open it, and each of its actions through the browser's POST."""

import pytest
from django.urls import reverse

from chaikhana.blogs.models import Blog
from chaikhana.core import network_settings
from chaikhana.core.models import InviteCode
from chaikhana.core.testing.factories import PostFactory, UserFactory
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.network.models import AuditEntry, PendingDeletion

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True, is_superuser=True)


def pages(blog, user):
    return [
        reverse("network:dashboard"),
        reverse("network:audit"),
        reverse("network:people"),
        reverse("network:person", args=[user.pk]),
        reverse("network:blogs"),
        reverse("network:blog", args=[blog.pk]),
        reverse("network:settings"),
        reverse("network:invites"),
    ]


def action_urls(blog, user):
    person = [
        f"network:person_{verb}" for verb in ("suspend", "restore", "delete", "quota", "limit")
    ]
    blogs = [f"network:blog_{verb}" for verb in ("suspend", "restore", "delete")]
    return [reverse(name, args=[user.pk]) for name in person] + [
        reverse(name, args=[blog.pk]) for name in blogs
    ]


class StaffAccessTests:
    def test_every_page_opens_when_staff(self, client, staff, blog, user):
        log_in_verified(client, staff)
        for url in pages(blog, user):
            assert client.get(url).status_code == 200, url

    def test_every_page_refuses_when_signed_in_without_staff(self, client, blog, user):
        client.force_login(user)
        for url in pages(blog, user):
            assert client.get(url).status_code == 403, url

    def test_every_page_sends_to_login_when_anonymous(self, client, blog, user):
        for url in pages(blog, user):
            response = client.get(url)
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    def test_actions_refuse_when_not_staff(self, client, blog, user):
        client.force_login(user)
        for url in action_urls(blog, user):
            assert client.post(url, {"reason": "x", "megabytes": "1"}).status_code == 403, url
        assert Blog.objects.get(pk=blog.pk).is_active
        assert not AuditEntry.objects.exists()

    def test_actions_send_to_login_when_anonymous(self, client, blog, user):
        for url in action_urls(blog, user):
            response = client.post(url, {"reason": "x"})
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        assert Blog.objects.get(pk=blog.pk).is_active

    def test_actions_refuse_a_get_when_staff(self, client, staff, blog, user):
        log_in_verified(client, staff)
        for url in action_urls(blog, user):
            assert client.get(url).status_code == 405, url


class DashboardPageTests:
    def test_dashboard_shows_counts_and_charts_with_fixed_queries(
        self, client, staff, blog, django_assert_num_queries
    ):
        PostFactory(blog=blog)
        log_in_verified(client, staff)
        client.get(reverse("network:dashboard"))
        PostFactory.create_batch(3, blog=blog)
        # session, user, 5 counts, 2 charts, spam, reports, queue (immediate backend: none)
        with django_assert_num_queries(12):  # +1: the verified device (two-factor)
            html = client.get(reverse("network:dashboard")).content.decode()
        assert html.count("<svg") == 2 and "<title" in html
        assert "Queue health is not available" in html


class PersonActionTests:
    def test_suspend_and_restore_when_staff_posts(self, client, staff, user):
        log_in_verified(client, staff)
        client.post(reverse("network:person_suspend", args=[user.pk]), {"reason": "spam"})
        user.refresh_from_db()
        assert not user.is_active
        client.post(reverse("network:person_restore", args=[user.pk]))
        user.refresh_from_db()
        assert user.is_active

    def test_suspend_explains_when_reason_is_missing(self, client, staff, user):
        log_in_verified(client, staff)
        url = reverse("network:person_suspend", args=[user.pk])
        response = client.post(url, {"reason": ""}, follow=True)
        assert "Give a reason" in response.content.decode()

    def test_suspending_oneself_shows_the_guard_when_tried(self, client, staff):
        log_in_verified(client, staff)
        url = reverse("network:person_suspend", args=[staff.pk])
        response = client.post(url, {"reason": "x"}, follow=True)
        assert "your own account" in response.content.decode()

    def test_delete_marks_for_deletion_when_staff_posts(self, client, staff, user):
        log_in_verified(client, staff)
        url = reverse("network:person_delete", args=[user.pk])
        client.post(url, {"reason": "gone", "confirm": "on"})
        assert PendingDeletion.objects.filter(kind="user", object_id=user.pk).exists()

    def test_delete_asks_for_the_tick_when_it_is_missing(self, client, staff, user):
        log_in_verified(client, staff)
        url = reverse("network:person_delete", args=[user.pk])
        response = client.post(url, {"reason": "gone"}, follow=True)
        assert "Tick the box to confirm the deletion." in response.content.decode()
        assert not PendingDeletion.objects.filter(kind="user", object_id=user.pk).exists()

    def test_destructive_actions_sit_behind_a_second_step(self, client, staff, user):
        log_in_verified(client, staff)
        html = client.get(reverse("network:person", args=[user.pk])).content.decode()
        assert html.count('<details class="confirm') == 2
        assert 'name="confirm" id="delete-reason-confirm" required' in html

    def test_quota_and_limit_are_saved_when_staff_posts(self, client, staff, user):
        log_in_verified(client, staff)
        client.post(reverse("network:person_quota", args=[user.pk]), {"megabytes": "5"})
        client.post(reverse("network:person_limit", args=[user.pk]), {"blogs": "2"})
        actions = set(AuditEntry.objects.values_list("action", flat=True))
        assert {"user.quota_changed", "user.blog_limit_changed"} <= actions

    def test_bad_number_is_explained_when_given(self, client, staff, user):
        log_in_verified(client, staff)
        url = reverse("network:person_quota", args=[user.pk])
        response = client.post(url, {"megabytes": "-3"}, follow=True)
        assert response.status_code == 200
        assert "whole number" in response.content.decode()

    def test_unknown_verb_is_404_when_posted(self, client, staff, user):
        log_in_verified(client, staff)
        assert client.post(f"/network/people/{user.pk}/x/").status_code == 404


class BlogActionTests:
    def test_suspend_restore_delete_when_staff_posts(self, client, staff, blog):
        log_in_verified(client, staff)
        client.post(reverse("network:blog_suspend", args=[blog.pk]), {"reason": "r"})
        assert not Blog.objects.get(pk=blog.pk).is_active
        client.post(reverse("network:blog_restore", args=[blog.pk]))
        assert Blog.objects.get(pk=blog.pk).is_active
        confirmed = {"reason": "r", "confirm": "on"}
        client.post(reverse("network:blog_delete", args=[blog.pk]), confirmed)
        response = client.post(
            reverse("network:blog_delete", args=[blog.pk]), confirmed, follow=True
        )
        assert "already marked for deletion" in response.content.decode()

    def test_restoring_an_active_blog_is_explained_when_tried(self, client, staff, blog):
        log_in_verified(client, staff)
        url = reverse("network:blog_restore", args=[blog.pk])
        assert "not suspended" in client.post(url, follow=True).content.decode()


class SettingsPageTests:
    def test_saved_settings_change_the_header_when_staff_saves(self, client, staff):
        log_in_verified(client, staff)
        data = {"name": "Teahouse", "signup": "invite", "default_theme": "photo",
                "blogs_per_user": "2", "quota_mb": "50", "comment_mode": "open"}  # fmt: skip
        response = client.post(reverse("network:settings"), data)
        assert response.status_code == 302
        assert network_settings.current().signup == "invite"
        assert "Teahouse" in client.get(reverse("network:dashboard")).content.decode()
        assert AuditEntry.objects.filter(action="settings.changed").exists()

    def test_bad_value_is_a_form_error_when_posted(self, client, staff):
        log_in_verified(client, staff)
        response = client.post(reverse("network:settings"), {"signup": "sometimes"})
        assert response.status_code == 200
        assert response.context["form"].errors["signup"]

    def test_theme_colour_colours_pages_and_the_manifest_when_staff_sets_one(self, client, staff):
        log_in_verified(client, staff)
        data = {"signup": "open", "default_theme": "text", "comment_mode": "open",
                "theme_color": "#1E5A8C"}  # fmt: skip
        assert client.post(reverse("network:settings"), data).status_code == 302
        assert '<meta name="theme-color" content="#1e5a8c">' in client.get("/").content.decode()
        assert client.get("/manifest.webmanifest").json()["theme_color"] == "#1e5a8c"

    def test_colour_that_is_not_hex_is_a_form_error_and_kept_when_posted(self, client, staff):
        log_in_verified(client, staff)
        data = {"signup": "open", "default_theme": "text", "comment_mode": "open",
                "theme_color": "blue"}  # fmt: skip
        response = client.post(reverse("network:settings"), data)
        assert response.context["form"].errors["theme_color"]
        assert 'value="blue"' in response.content.decode()


class InvitePageTests:
    def test_create_and_revoke_when_staff_posts(self, client, staff):
        log_in_verified(client, staff)
        client.post(reverse("network:invites"), {"max_uses": "3", "note": "school"})
        invite = InviteCode.objects.get()
        assert invite.max_uses == 3 and invite.created_by == staff
        client.post(reverse("network:invite_revoke", args=[invite.pk]))
        invite.refresh_from_db()
        assert invite.max_uses == invite.uses == 0


class StaffTwoFactorTests:
    def test_staff_without_an_authenticator_are_sent_to_enrol_first(self, client, staff):
        client.force_login(staff)
        response = client.get(reverse("network:dashboard"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:twofactor"))

    def test_staff_who_passed_two_factor_see_the_dashboard(self, client, staff):
        log_in_verified(client, staff)
        assert client.get(reverse("network:dashboard")).status_code == 200
