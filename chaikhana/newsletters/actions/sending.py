"""Issues and deliveries: from a published post (or a finished day/week) to sent messages.

One delivery row per (issue, subscriber), unique in the database; the sender marks a row
sent and hands the message to the mail server inside one transaction, so a crash before the
commit leaves the row waiting (sent again: at least once), and a crash after it leaves it sent
(never sent twice by us). docs/newsletters.md describes the window in between.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.utils import timezone

from chaikhana.blogs.models import Post
from chaikhana.core import network_settings
from chaikhana.core.tasks import enqueue_on_commit
from chaikhana.newsletters import conf, queries
from chaikhana.newsletters.addresses import mailbox_hash
from chaikhana.newsletters.mail import IssueRenderer
from chaikhana.newsletters.models import Delivery, Issue, MailingList, Subscription, Suppression

CHUNK = 1000


def _enqueue_queue(issue: Issue) -> None:
    from chaikhana.newsletters.tasks import queue_issue_task  # tasks import the actions

    enqueue_on_commit(queue_issue_task, issue_id=issue.pk)


def _open_issue(mailing_list: MailingList, kind: str, **key: object) -> Issue | None:
    try:
        with transaction.atomic():
            issue = Issue.objects.create(mailing_list=mailing_list, kind=kind, **key)
    except IntegrityError:  # opened already (a second post_published, a second cron run)
        return None
    _enqueue_queue(issue)
    return issue


@transaction.atomic
def open_post_issues(*, post: Post) -> list[Issue]:
    """An issue per list the post belongs to that has every-post readers; once per post."""
    if not queries.mailable(post):
        return []
    lists = (
        queries.lists_for_post(post)
        .filter(
            subscriptions__status=Subscription.Status.ACTIVE,
            subscriptions__frequency=Subscription.Frequency.EVERY_POST,
        )
        .distinct()
    )
    opened = [_open_issue(ml, Issue.Kind.POST, post=post) for ml in lists]
    return [issue for issue in opened if issue is not None]


def digest_period(kind: str, now: datetime) -> tuple[datetime, datetime]:
    """The last finished day (UTC), or the last finished week from Monday."""
    today = datetime.combine(now.astimezone(UTC).date(), time(), tzinfo=UTC)
    if kind == Issue.Kind.DAILY:
        return today - timedelta(days=1), today
    monday = today - timedelta(days=today.weekday())
    return monday - timedelta(days=7), monday


@transaction.atomic
def open_digests(*, now: datetime | None = None) -> list[Issue]:
    """Digests of the last finished day and week for lists whose readers want them.

    Safe to run every hour (cron, ``manage.py newsletters``): a period has one issue at most,
    and a period with nothing new has none.
    """
    now = now or timezone.now()
    opened: list[Issue] = []
    for kind in (Issue.Kind.DAILY, Issue.Kind.WEEKLY):
        start, end = digest_period(kind, now)
        lists = (
            MailingList.objects.filter(
                subscriptions__status=Subscription.Status.ACTIVE, subscriptions__frequency=kind
            )
            .distinct()
            .select_related("blog", "section")
        )
        for ml in lists:
            if Issue.objects.filter(mailing_list=ml, kind=kind, period_start=start).exists():
                continue
            if not queries.posts_of_list(ml, start, end).exists():
                continue  # nothing new: no message
            issue = _open_issue(ml, kind, period_start=start, period_end=end)
            if issue is not None:
                opened.append(issue)
    return opened


@transaction.atomic
def queue_issue(*, issue: Issue) -> int:
    """Write the issue's delivery rows (idempotent: the unique pair) and wake the sender."""
    subscribers = (
        Subscription.objects.active()
        .filter(mailing_list_id=issue.mailing_list_id, frequency=issue.frequency)
        .values_list("pk", flat=True)
        .order_by("pk")
    )
    written, batch = 0, []
    for sub_id in subscribers.iterator(chunk_size=CHUNK):
        batch.append(Delivery(issue=issue, subscription_id=sub_id))
        if len(batch) == CHUNK:
            written += len(Delivery.objects.bulk_create(batch, ignore_conflicts=True))
            batch = []
    written += len(Delivery.objects.bulk_create(batch, ignore_conflicts=True))
    if issue.queued_at is None:
        Issue.objects.filter(pk=issue.pk).update(queued_at=timezone.now())
    wake_sender()
    return written


def wake_sender() -> None:
    from chaikhana.newsletters.tasks import send_pending_task

    enqueue_on_commit(send_pending_task)


def has_pending() -> bool:
    return Delivery.objects.pending().exists()


def per_hour() -> int:
    return network_settings.current().newsletter_per_hour or conf.default_per_hour()


def budget_left(now: datetime | None = None) -> int:
    """Messages the network may still send in the sliding hour."""
    since = (now or timezone.now()) - timedelta(hours=1)
    return max(0, per_hour() - Delivery.objects.sent_since(since).count())


def _send_one(delivery: Delivery, renderer: IssueRenderer, connection: object) -> bool:
    """Claim, send and record one delivery in one transaction; False when not ours to send.

    The claim is a conditional UPDATE that also requires the subscription to be active still:
    the row lock (PostgreSQL) or the write lock (SQLite) is ours until the commit.
    """
    with transaction.atomic():
        claimed = Delivery.objects.filter(
            pk=delivery.pk,
            status=Delivery.Status.PENDING,
            subscription__status=Subscription.Status.ACTIVE,
        ).update(status=Delivery.Status.SENT, sent_at=timezone.now())
        if not claimed:
            return False
        message = renderer.message(delivery)
        message.connection = connection
        message.send()  # raises: the transaction rolls back and the row waits again
    return True


def _skip(delivery_ids: list[int]) -> None:
    """Deliveries whose reader left, or whose address bounced, since they were queued."""
    Delivery.objects.filter(pk__in=delivery_ids, status=Delivery.Status.PENDING).update(
        status=Delivery.Status.SKIPPED
    )


def send_pending(*, limit: int | None = None) -> int:
    """Send up to *limit* waiting deliveries (oldest first) within the hourly budget.

    Returns how many went out. Not atomic on purpose: each message is its own transaction.
    The batch is read in two queries (deliveries with what a message needs, then the
    suppressed addresses among them); each message then costs one UPDATE and its commit.
    """
    allowed = min(limit or conf.batch_size(), budget_left())
    batch = list(
        Delivery.objects.pending()
        .select_related(
            "subscription",
            "issue__mailing_list__blog",
            "issue__mailing_list__section",
            "issue__post__blog",
            "issue__post__author",
        )
        .order_by("pk")[:allowed]
    )
    if not batch:
        return 0
    hashes = {d.pk: mailbox_hash(d.subscription.email) for d in batch}
    suppressed = set(
        Suppression.objects.filter(address_hash__in=hashes.values()).values_list(
            "address_hash", flat=True
        )
    )
    gone = [d.pk for d in batch if hashes[d.pk] in suppressed or not _active(d)]
    _skip(gone)
    renderer, sent, unclaimed = IssueRenderer(), 0, []
    with get_connection() as connection:
        for delivery in batch:
            if delivery.pk in gone:
                continue
            try:
                if _send_one(delivery, renderer, connection):
                    sent += 1
                else:
                    unclaimed.append(delivery.pk)
            except Exception:
                _note_failure(delivery.pk)
    _skip(unclaimed)  # sent by another worker (then not pending), or the reader left meanwhile
    return sent


def _active(delivery: Delivery) -> bool:
    return delivery.subscription.status == Subscription.Status.ACTIVE


def _note_failure(delivery_id: int) -> None:
    """Count a failed attempt; after three the delivery is given up (shown in /network/)."""
    delivery = Delivery.objects.filter(pk=delivery_id).first()
    if delivery is None:
        return
    attempts = delivery.attempts + 1
    status = Delivery.Status.FAILED if attempts >= 3 else Delivery.Status.PENDING
    Delivery.objects.filter(pk=delivery_id).update(attempts=attempts, status=status)
