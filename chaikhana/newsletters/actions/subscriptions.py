"""Subscribing, confirming, leaving, removing, suppressing, forgetting."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Post
from chaikhana.core import ratelimit
from chaikhana.core.errors import ActionError
from chaikhana.core.tasks import enqueue_on_commit
from chaikhana.newsletters import conf
from chaikhana.newsletters.addresses import mailbox_hash
from chaikhana.newsletters.models import (
    DailyCount,
    MailingList,
    PostMailing,
    Subscription,
    Suppression,
)
from chaikhana.newsletters.tokens import BadToken, ExpiredToken, read_confirmation


class TooManyRequests(ActionError):
    """A subscribe flood: refused before anything is written or sent."""


def count_day(mailing_list_id: int, *, joined: int = 0, left: int = 0) -> None:
    today = timezone.now().date()
    row, _created = DailyCount.objects.get_or_create(mailing_list_id=mailing_list_id, day=today)
    DailyCount.objects.filter(pk=row.pk).update(joined=F("joined") + joined, left=F("left") + left)


def _check_rates(email: str, address_hash: str) -> None:
    if address_hash and (
        ratelimit.hit("newsletter-subscribe", address_hash, window=3600)
        > conf.subscribe_per_address_hour()
    ):
        raise TooManyRequests(
            _("Too many subscriptions from your connection in the last hour. Try again later.")
        )
    if ratelimit.hit("newsletter-mailbox", mailbox_hash(email), window=86400) > (
        conf.subscribe_per_mailbox_day()
    ):
        raise TooManyRequests(
            _(
                "We have already sent several confirmation messages to this address today. "
                "Look for them in your mailbox (and its spam folder), or try again tomorrow."
            )
        )


@transaction.atomic
def request_subscription(
    *,
    mailing_list: MailingList,
    email: str,
    frequency: str,
    language: str,
    images: str,
    address_hash: str,
) -> Subscription | None:
    """Ask *email* to confirm a subscription to *mailing_list*; the message goes after commit.

    An address already subscribed gets nothing and the reader sees the same page as anyone
    else, so the form tells no stranger who reads what. Returns the pending subscription.
    """
    _check_rates(email, address_hash)
    if Suppression.objects.filter(address_hash=mailbox_hash(email)).exists():
        return None  # it bounced or complained: we never write to it again
    sub = (
        Subscription.objects.select_for_update()
        .filter(mailing_list=mailing_list, email__iexact=email)
        .first()
    )
    if sub is not None and sub.status == Subscription.Status.ACTIVE:
        return None
    if sub is None:
        sub = Subscription(mailing_list=mailing_list, email=email)
    sub.status = Subscription.Status.PENDING
    sub.frequency, sub.language, sub.images = frequency, language, images
    sub.created_at, sub.unsubscribed_at = timezone.now(), None
    sub.save()
    from chaikhana.newsletters.tasks import send_confirmation_task  # tasks import actions

    enqueue_on_commit(send_confirmation_task, subscription_id=sub.pk)
    return sub


@transaction.atomic
def confirm_subscription(*, token: str) -> Subscription:
    """Follow a confirmation link: the subscription becomes active, once."""
    try:
        sub_id, secret = read_confirmation(token)
    except ExpiredToken:
        raise ActionError(
            _("This confirmation link has expired. Subscribe again and use the new link.")
        ) from None
    except BadToken:
        raise ActionError(_("This confirmation link is not valid.")) from None
    sub = Subscription.objects.select_for_update().filter(pk=sub_id, secret=secret).first()
    if sub is None or sub.status == Subscription.Status.UNSUBSCRIBED:
        raise ActionError(_("This confirmation link is no longer valid. Subscribe again."))
    if sub.status == Subscription.Status.ACTIVE:
        raise ActionError(_("This subscription is already confirmed: nothing more to do."))
    sub.status, sub.confirmed_at = Subscription.Status.ACTIVE, timezone.now()
    sub.consent = f"confirmed by email, {sub.confirmed_at:%Y-%m-%d %H:%M} UTC"
    sub.save(update_fields=["status", "confirmed_at", "consent"])
    count_day(sub.mailing_list_id, joined=1)
    return sub


@transaction.atomic
def unsubscribe(*, subscription: Subscription) -> Subscription:
    """Stop sending; the address itself is deleted after the grace period."""
    sub = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if sub.status == Subscription.Status.UNSUBSCRIBED:
        return sub
    if sub.status == Subscription.Status.ACTIVE:
        count_day(sub.mailing_list_id, left=1)
    sub.status, sub.unsubscribed_at = Subscription.Status.UNSUBSCRIBED, timezone.now()
    sub.save(update_fields=["status", "unsubscribed_at"])
    return sub


@transaction.atomic
def remove_subscriber(*, subscription: Subscription, by: User) -> None:
    """The list's owner removes an address: it is deleted now, with what was queued for it."""
    if subscription.status == Subscription.Status.ACTIVE:
        count_day(subscription.mailing_list_id, left=1)
    subscription.delete()


@transaction.atomic
def suppress_address(*, email: str, reason: str) -> int:
    """A hard bounce or a complaint: never mail *email* again; returns subscriptions ended."""
    Suppression.objects.get_or_create(address_hash=mailbox_hash(email), defaults={"reason": reason})
    ended = 0
    for sub in Subscription.objects.filter(email__iexact=email).exclude(
        status=Subscription.Status.UNSUBSCRIBED
    ):
        unsubscribe(subscription=sub)
        ended += 1
    return ended


@transaction.atomic
def forget_address(*, email: str) -> int:
    """Delete every subscription of *email* now (an account deleted with that address)."""
    deleted, _per_model = Subscription.objects.filter(email__iexact=email.strip()).delete()
    return deleted


@transaction.atomic
def purge_subscriptions() -> int:
    """Delete addresses whose grace period is over, and confirmations never followed."""
    now = timezone.now()
    gone = Subscription.objects.filter(
        status=Subscription.Status.UNSUBSCRIBED,
        unsubscribed_at__lt=now - timedelta(days=conf.grace_days()),
    )
    stale = Subscription.objects.filter(
        status=Subscription.Status.PENDING,
        created_at__lt=now - timedelta(hours=conf.confirm_hours()),
    )
    return gone.delete()[0] + stale.delete()[0]


@transaction.atomic
def set_post_mailing(*, post: Post, send: bool, by: User) -> None:
    """The writer's switch: send *post* by email when it is published, or not."""
    if send:
        PostMailing.objects.filter(post=post).delete()
    else:
        PostMailing.objects.update_or_create(post=post, defaults={"send": False})


@transaction.atomic
def update_preferences(
    *, subscription: Subscription, frequency: str, language: str, images: str
) -> Subscription:
    """How often, in which language, with which pictures: from the reader's own page."""
    subscription.frequency, subscription.language, subscription.images = frequency, language, images
    subscription.save(update_fields=["frequency", "language", "images"])
    return subscription
