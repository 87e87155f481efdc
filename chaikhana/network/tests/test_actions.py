"""Staff actions: guards with clear messages, audit rows, the grace period and the purge."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog
from chaikhana.core.errors import ActionError
from chaikhana.core.testing.factories import BlogFactory, UserFactory
from chaikhana.media.quota import quota_bytes
from chaikhana.network import actions
from chaikhana.network.models import AuditEntry, PendingDeletion

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True, is_superuser=True)


class SuspendUserTests:
    def test_suspension_hides_her_blogs_and_is_audited_when_staff_suspends(self, staff, blog, user):
        actions.suspend_user(user=user, by=staff, reason="spam")
        blog.refresh_from_db()
        user.refresh_from_db()
        assert (user.is_active, blog.is_active, blog.suspended_reason) == (False, False, "spam")
        assert AuditEntry.objects.get(action="user.suspended").details == {"reason": "spam"}

    def test_restore_shows_her_blogs_when_suspension_lifted(self, staff, blog, user):
        actions.suspend_user(user=user, by=staff, reason="spam")
        actions.restore_user(user=user, by=staff)
        blog.refresh_from_db()
        assert blog.is_active and User.objects.get(pk=user.pk).is_active

    def test_refuses_when_suspending_oneself(self, staff):
        with pytest.raises(ActionError, match="your own account"):
            actions.suspend_user(user=staff, by=staff, reason="x")

    def test_refuses_when_suspending_the_last_superuser(self, staff):
        other_staff = UserFactory(is_staff=True)
        with pytest.raises(ActionError, match="last administrator"):
            actions.suspend_user(user=staff, by=other_staff, reason="x")

    def test_refuses_when_deleting_the_last_superuser(self, staff):
        with pytest.raises(ActionError, match="last administrator"):
            actions.delete_user(user=staff, by=UserFactory(is_staff=True))

    def test_refuses_when_restoring_someone_not_suspended(self, staff, user):
        with pytest.raises(ActionError, match="not suspended"):
            actions.restore_user(user=user, by=staff)

    def test_refuses_when_already_suspended(self, staff, user):
        actions.suspend_user(user=user, by=staff, reason="x")
        with pytest.raises(ActionError, match="already suspended"):
            actions.suspend_user(user=user, by=staff, reason="y")


class BlogStaffActionTests:
    def test_suspended_blog_answers_a_clear_403_when_read(self, client, staff, blog):
        actions.suspend_blog(blog=blog, by=staff, reason="hate speech")
        response = client.get(f"/@{blog.name}/")
        assert response.status_code == 403
        assert "This blog is suspended." in response.content.decode()

    def test_owner_reads_the_reason_in_her_dashboard_when_suspended(
        self, client, staff, blog, user
    ):
        actions.suspend_blog(blog=blog, by=staff, reason="hate speech")
        client.force_login(user)
        assert "hate speech" in client.get("/dashboard/").content.decode()

    def test_refuses_when_restoring_a_blog_not_suspended(self, staff, blog):
        with pytest.raises(ActionError, match="not suspended"):
            actions.restore_blog(blog=blog, by=staff)

    def test_refuses_when_deleting_a_blog_twice(self, staff, blog):
        actions.delete_blog(blog=blog, by=staff)
        with pytest.raises(ActionError, match="already marked for deletion"):
            actions.delete_blog(blog=blog, by=staff)

    def test_restore_cancels_deletion_when_within_grace(self, staff, blog):
        actions.delete_blog(blog=blog, by=staff)
        actions.restore_blog(blog=blog, by=staff)
        assert not PendingDeletion.objects.exists()
        assert Blog.objects.get(pk=blog.pk).is_active


class PurgeTests:
    def test_purge_waits_for_grace_period_then_deletes(self, staff, blog, monkeypatch):
        actions.delete_blog(blog=blog, by=staff)  # the immediate backend runs the task now
        assert Blog.objects.filter(pk=blog.pk).exists()
        later = timezone.now() + timedelta(days=31)
        monkeypatch.setattr(timezone, "now", lambda: later)
        call_command("purge_due")
        assert not Blog.objects.filter(pk=blog.pk).exists()
        assert AuditEntry.objects.filter(action="blog.purged").count() == 1
        call_command("purge_due")  # idempotent: nothing left to do
        assert AuditEntry.objects.filter(action="blog.purged").count() == 1

    def test_purge_deletes_account_and_lone_blogs_when_user_is_due(
        self, staff, blog, user, monkeypatch
    ):
        actions.delete_user(user=user, by=staff)
        later = timezone.now() + timedelta(days=31)
        monkeypatch.setattr(timezone, "now", lambda: later)
        assert actions.purge_due_deletions() == 1
        assert not User.objects.filter(pk=user.pk).exists()
        assert not Blog.objects.filter(pk=blog.pk).exists()


class AllowanceTests:
    def test_quota_override_applies_then_resets_when_cleared(self, staff, user):
        actions.set_quota(user=user, by=staff, megabytes=7)
        assert quota_bytes(user) == 7 * 1024 * 1024
        actions.set_quota(user=user, by=staff, megabytes=None)
        assert quota_bytes(user) == 500 * 1024 * 1024

    def test_blog_limit_override_refuses_another_blog_when_reached(self, staff, user):
        from chaikhana.blogs.actions import create_blog

        BlogFactory(owner=user)
        actions.set_blog_limit(user=user, by=staff, blogs=1)
        with pytest.raises(ActionError, match="most this network allows"):
            create_blog(owner=user, name="second", title="Second", pen_name="A", language="ru")
        assert AuditEntry.objects.filter(action="user.blog_limit_changed").count() == 1
