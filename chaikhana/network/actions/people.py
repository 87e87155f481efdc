"""Suspending, restoring and deleting people; their storage and blog allowances."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog, Membership
from chaikhana.blogs.roles import Role
from chaikhana.core.errors import ActionError, InvalidTransition
from chaikhana.core.models import BlogLimit
from chaikhana.core.tasks import enqueue_on_commit
from chaikhana.media.models import MediaQuota
from chaikhana.network.actions.audit import audit
from chaikhana.network.actions.blogs import announce_blog
from chaikhana.network.models import PendingDeletion, Suspension

GRACE = timedelta(days=30)
MB = 1024 * 1024


def _guard_not_self_or_last_superuser(user: User, by: User) -> None:
    if user.pk == by.pk:
        raise ActionError(_("You cannot suspend or delete your own account here."))
    others = User.objects.filter(is_superuser=True, is_active=True).exclude(pk=user.pk)
    if user.is_superuser and not others.exists():
        raise ActionError(_("This is the network's last administrator: make another first."))


def _blogs_owned_alone(user: User) -> list[int]:
    owned = Membership.objects.filter(user=user, role=Role.OWNER).values("blog_id")
    shared = Membership.objects.filter(blog_id__in=owned, role=Role.OWNER).exclude(user=user)
    alone = Blog.objects.filter(pk__in=owned, is_active=True).exclude(
        pk__in=shared.values("blog_id")
    )
    return list(alone.values_list("pk", flat=True))


def _hide(user: User, reason: str) -> None:
    blog_ids = _blogs_owned_alone(user)
    Blog.objects.filter(pk__in=blog_ids).update(is_active=False, suspended_reason=reason)
    Suspension.objects.create(user=user, reason=reason, blog_ids=blog_ids)
    user.is_active = False  # no signing in while suspended
    user.save(update_fields=["is_active"])
    for blog_id in blog_ids:
        announce_blog(blog_id)


@transaction.atomic
def suspend_user(*, user: User, by: User, reason: str) -> User:
    """Stop *user* signing in and hide the blogs she alone owns, saying why."""
    _guard_not_self_or_last_superuser(user, by)
    if Suspension.objects.filter(user=user).exists():
        raise InvalidTransition(_("This person is already suspended."))
    _hide(user, reason)
    audit(actor=by, action="user.suspended", target=user, details={"reason": reason})
    return user


@transaction.atomic
def restore_user(*, user: User, by: User) -> User:
    """Lift a suspension or a pending deletion: she signs in, her blogs show again."""
    suspension = Suspension.objects.select_for_update().filter(user=user).first()
    if suspension is None:
        raise InvalidTransition(_("This person is not suspended."))
    Blog.objects.filter(pk__in=suspension.blog_ids).update(is_active=True, suspended_reason="")
    for blog_id in suspension.blog_ids:
        announce_blog(blog_id)
    suspension.delete()
    PendingDeletion.objects.filter(kind=PendingDeletion.Kind.USER, object_id=user.pk).delete()
    user.is_active = True
    user.save(update_fields=["is_active"])
    audit(actor=by, action="user.restored", target=user)
    return user


@transaction.atomic
def delete_user(*, user: User, by: User, reason: str = "") -> PendingDeletion:
    """Hide *user* now and purge her account and lone blogs after the grace period."""
    _guard_not_self_or_last_superuser(user, by)
    if PendingDeletion.objects.filter(kind=PendingDeletion.Kind.USER, object_id=user.pk).exists():
        raise InvalidTransition(_("This person is already marked for deletion."))
    if not Suspension.objects.filter(user=user).exists():
        _hide(user, reason or _("The account is marked for deletion."))
    pending = PendingDeletion.objects.create(
        kind=PendingDeletion.Kind.USER, object_id=user.pk, label=user.get_username(),
        requested_by=by, due_at=timezone.now() + GRACE,
    )  # fmt: skip
    audit(actor=by, action="user.deletion_requested", target=user,
          details={"due_at": pending.due_at.isoformat()})  # fmt: skip
    _schedule_purge(pending)
    return pending


def _schedule_purge(pending: PendingDeletion) -> None:
    from chaikhana.network.tasks import purge_deletion  # tasks import actions

    enqueue_on_commit(purge_deletion, run_after=pending.due_at, deletion_id=pending.pk)


@transaction.atomic
def set_quota(*, user: User, by: User, megabytes: int | None) -> None:
    """Her own storage allowance; None gives her the network's default again."""
    if megabytes is None:
        MediaQuota.objects.filter(user=user).delete()
    else:
        MediaQuota.objects.update_or_create(user=user, defaults={"bytes": megabytes * MB})
    audit(actor=by, action="user.quota_changed", target=user, details={"megabytes": megabytes})


@transaction.atomic
def set_blog_limit(*, user: User, by: User, blogs: int | None) -> None:
    """How many blogs she may own; None gives her the network's limit again."""
    if blogs is None:
        BlogLimit.objects.filter(user=user).delete()
    else:
        BlogLimit.objects.update_or_create(user=user, defaults={"blogs": blogs})
    audit(actor=by, action="user.blog_limit_changed", target=user, details={"blogs": blogs})
