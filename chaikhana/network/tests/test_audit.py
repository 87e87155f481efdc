"""The audit log: append-only entries, role changes recorded, the filterable page."""

from datetime import datetime

import pytest
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from chaikhana.blogs import actions as blog_actions
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import BlogFactory, MembershipFactory, UserFactory
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.network.actions import audit
from chaikhana.network.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True, username="warden")


class AuditActionTests:
    def test_audit_snapshots_actor_and_target_names_when_recorded(self, staff, blog):
        entry = audit(actor=staff, action="blog.suspended", target=blog, details={"why": "x"})
        assert (entry.actor_name, entry.target_type, entry.target_id) == (
            "warden",
            "blogs.blog",
            str(blog.pk),
        )
        assert entry.target_label == blog.title
        assert entry.details == {"why": "x"}

    def test_entry_keeps_actor_name_when_actor_account_is_deleted(self, staff, blog):
        entry = audit(actor=staff, action="blog.suspended", target=blog)
        staff.delete()
        entry.refresh_from_db()
        assert entry.actor_id is None
        assert entry.actor_name == "warden"

    def test_save_refuses_when_entry_already_exists(self, staff, blog):
        entry = audit(actor=staff, action="blog.suspended", target=blog)
        entry.action = "nothing.happened"
        with pytest.raises(PermissionError):
            entry.save()

    def test_delete_refuses_when_called_on_entry(self, staff, blog):
        entry = audit(actor=staff, action="blog.suspended", target=blog)
        with pytest.raises(PermissionError):
            entry.delete()
        assert AuditEntry.objects.filter(pk=entry.pk).exists()

    @pytest.mark.skipif(connection.vendor != "postgresql", reason="trigger in PostgreSQL only")
    def test_database_refuses_update_when_bypassing_the_model(self, staff, blog):
        from django.db import DatabaseError

        audit(actor=staff, action="blog.suspended", target=blog)
        with pytest.raises(DatabaseError), transaction.atomic():
            AuditEntry.objects.update(action="nothing.happened")


class MemberRoleAuditTests:
    @pytest.fixture
    def owner(self, blog, user):
        return user

    def test_role_change_is_recorded_when_owner_changes_member(
        self, blog, owner, django_capture_on_commit_callbacks
    ):
        member = MembershipFactory(blog=blog, role=Role.AUTHOR)
        with django_capture_on_commit_callbacks(execute=True):
            blog_actions.change_member(membership=member, by=owner, role=Role.EDITOR)
        entry = AuditEntry.objects.get(action="member.role_changed")
        assert entry.actor == owner
        assert entry.details["old_role"] == Role.AUTHOR
        assert entry.details["new_role"] == Role.EDITOR
        assert entry.details["username"] == member.user.username

    def test_nothing_is_recorded_when_only_pen_name_changes(
        self, blog, owner, django_capture_on_commit_callbacks
    ):
        member = MembershipFactory(blog=blog, role=Role.AUTHOR)
        with django_capture_on_commit_callbacks(execute=True):
            blog_actions.change_member(membership=member, by=owner, pen_name="Someone Else")
        assert not AuditEntry.objects.exists()

    def test_add_and_remove_are_recorded_when_owner_manages_members(
        self, blog, owner, django_capture_on_commit_callbacks
    ):
        newcomer = UserFactory()
        with django_capture_on_commit_callbacks(execute=True):
            member = blog_actions.add_member(
                blog=blog, by=owner, user=newcomer, role=Role.AUTHOR, pen_name="New"
            )
            blog_actions.remove_member(membership=member, by=owner)
        roles = [(e.details["old_role"], e.details["new_role"]) for e in AuditEntry.objects.all()]
        assert sorted(roles, key=str) == sorted([(None, "author"), ("author", None)], key=str)


class AuditPageTests:
    url = reverse("network:audit")

    def _entries(self, staff):
        other = UserFactory(username="keeper", is_staff=True)
        blog = BlogFactory(title="Mountain news")
        audit(actor=staff, action="blog.suspended", target=blog)
        audit(actor=other, action="user.suspended", target=other)
        audit(actor=staff, action="settings.changed", target=None)
        return blog

    def test_page_lists_entries_when_staff_opens_it(self, client, staff):
        self._entries(staff)
        log_in_verified(client, staff)
        response = client.get(self.url)
        assert response.status_code == 200
        assert response.content.decode().count("<tr>") == 4  # header + 3

    def test_filters_narrow_entries_when_given(self, client, staff):
        blog = self._entries(staff)
        log_in_verified(client, staff)
        by_actor = client.get(self.url, {"actor": "KEEPER"}).context["page"].object_list
        assert [e.action for e in by_actor] == ["user.suspended"]
        by_action = client.get(self.url, {"action": "blog."}).context["page"].object_list
        assert [e.target_label for e in by_action] == ["Mountain news"]
        by_target = client.get(self.url, {"target": f"blogs.blog:{blog.pk}"}).context["page"]
        assert [e.action for e in by_target.object_list] == ["blog.suspended"]
        by_words = client.get(self.url, {"target": "mountain"}).context["page"].object_list
        assert len(by_words) == 1

    def test_date_range_filters_entries_when_given(self, client, staff):
        march = timezone.make_aware(datetime(2024, 3, 1, 23, 30))
        AuditEntry.objects.create(actor_name="warden", action="early.one", created_at=march)
        audit(actor=staff, action="late.one", target=None)
        log_in_verified(client, staff)
        page = client.get(self.url, {"since": "2024-03-01", "until": "2024-03-01"}).context["page"]
        assert [e.action for e in page.object_list] == ["early.one"]

    def test_form_explains_when_dates_are_reversed(self, client, staff):
        log_in_verified(client, staff)
        response = client.get(self.url, {"since": "2024-03-02", "until": "2024-03-01"})
        assert response.status_code == 200
        assert "The start date is after the end date." in response.content.decode()

    def test_page_is_paginated_with_fixed_queries_when_log_is_long(
        self, client, staff, django_assert_num_queries
    ):
        AuditEntry.objects.bulk_create(
            AuditEntry(actor=staff, actor_name="warden", action=f"a.{i}") for i in range(60)
        )
        log_in_verified(client, staff)
        client.get(self.url)  # warm the session
        with django_assert_num_queries(5):  # session, user, her verified device, count, page
            response = client.get(self.url, {"page": "2"})
        assert len(response.context["page"].object_list) == 10

    def test_anonymous_is_sent_to_login_when_opening_audit(self, client):
        response = client.get(self.url)
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]

    def test_non_staff_is_refused_when_opening_audit(self, client, user):
        client.force_login(user)
        assert client.get(self.url).status_code == 403
