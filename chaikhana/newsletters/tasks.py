"""Background work for newsletters: ids in, one action out; idempotent."""

from datetime import timedelta

from django.core.mail import get_connection
from django.utils import timezone
from django_tasks import task

from chaikhana.blogs.models import Post
from chaikhana.newsletters import actions
from chaikhana.newsletters.mail import confirmation_message
from chaikhana.newsletters.models import Issue, Subscription

RETRY_MINUTES = 5


@task()
def send_confirmation_task(*, subscription_id: int) -> bool:
    """The confirmation message; nothing when the subscription is gone or already confirmed."""
    sub = (
        Subscription.objects.select_related("mailing_list__blog", "mailing_list__section")
        .filter(pk=subscription_id, status=Subscription.Status.PENDING)
        .first()
    )
    if sub is None:
        return False
    message = confirmation_message(sub)
    message.connection = get_connection()
    message.send()
    return True


@task()
def open_post_issues_task(*, post_id: int) -> int:
    post = Post.objects.select_related("blog").filter(pk=post_id).first()
    return len(actions.open_post_issues(post=post)) if post is not None else 0


@task()
def queue_issue_task(*, issue_id: int) -> int:
    issue = Issue.objects.filter(pk=issue_id).first()
    return actions.queue_issue(issue=issue) if issue is not None else 0


@task()
def send_pending_task() -> int:
    """One batch; the next batch is queued when this one sent anything and more is waiting.

    When the hour's budget is spent the chain stops; ``manage.py newsletters`` (cron, every
    few minutes) starts it again, and also after a crash.
    """
    sent = actions.send_pending()
    if sent and actions.has_pending():
        actions.wake_sender()
    elif not sent and actions.has_pending() and send_pending_task.get_backend().supports_defer:
        # The hour's budget is spent: look again in a few minutes (cron would, within the hour).
        later = timezone.now() + timedelta(minutes=RETRY_MINUTES)
        send_pending_task.using(run_after=later).enqueue()
    return sent
