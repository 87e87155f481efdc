"""Every write linkbacks makes: receiving, verifying and removing mentions."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.models import Post
from chaikhana.comments.spam.assessment import assess
from chaikhana.core import safehttp
from chaikhana.core.errors import ActionError
from chaikhana.core.tasks import enqueue_on_commit
from chaikhana.linkbacks.models import Mention
from chaikhana.linkbacks.verify import SourceReport, analyse

ACCEPT = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5"


class AlreadyRegistered(ActionError):
    pass


def accept_webmention(*, post: Post, source: str, target: str) -> None:
    """Queue verification of a webmention (Webmention §3.2.1: verify asynchronously)."""
    from chaikhana.linkbacks.tasks import verify_mention_task

    enqueue_on_commit(
        verify_mention_task,
        post_id=post.pk,
        source=source,
        target=target,
        kind=Mention.Kind.WEBMENTION.value,
    )


@transaction.atomic
def register_pingback(*, post: Post, source: str, target: str) -> Mention:
    """Store a pending pingback and queue its verification; a second ping raises."""
    from chaikhana.linkbacks.tasks import verify_mention_task

    existing = Mention.objects.select_for_update().filter(post=post, source=source).first()
    if existing is not None and existing.status != Mention.Status.REJECTED:
        raise AlreadyRegistered(_("The pingback has already been registered."))
    mention, _created = Mention.objects.update_or_create(
        post=post,
        source=source,
        defaults={"kind": Mention.Kind.PINGBACK, "status": Mention.Status.PENDING},
    )
    enqueue_on_commit(
        verify_mention_task,
        post_id=post.pk,
        source=source,
        target=target,
        kind=Mention.Kind.PINGBACK.value,
    )
    return mention


@transaction.atomic
def verify_mention(*, post: Post, source: str, target: str, kind: str) -> Mention | None:
    """Fetch *source* and store, update or remove its mention of *post* (§3.2.2–§3.2.4)."""
    try:
        response = safehttp.fetch(source, headers={"Accept": ACCEPT})
    except safehttp.SafeHTTPError:
        return _unverifiable(post, source)
    if response.status == 410:
        # §3.2.4: "If the source URL returns an HTTP 410 Gone … delete the existing webmention".
        Mention.objects.filter(post=post, source=source).delete()
        return None
    if not 200 <= response.status < 300:
        return _unverifiable(post, source)
    report = analyse(response, target)
    if not report.links:
        _no_longer_links(post, source)
        return None
    return _store(post, source, kind, report)


def _unverifiable(post: Post, source: str) -> Mention | None:
    """A source we cannot read: a pending mention is rejected, a verified one kept."""
    Mention.objects.filter(post=post, source=source, status=Mention.Status.PENDING).update(
        status=Mention.Status.REJECTED
    )
    return Mention.objects.filter(post=post, source=source).first()


def _no_longer_links(post: Post, source: str) -> None:
    # §3.2.4: an update whose source no longer links removes the mention. A pending
    # pingback is kept as rejected (Pingback 0x0011: the source does not link).
    Mention.objects.filter(post=post, source=source).exclude(status=Mention.Status.PENDING).delete()
    Mention.objects.filter(post=post, source=source).update(status=Mention.Status.REJECTED)


def _is_spam(source: str, report: SourceReport) -> bool:
    """The network's spam engine on what the mention would show (comments/spam): no form to
    check, no address (a task), so the blocklists, the filter and Akismet decide. Only "spam"
    hides a mention; "hold" has no moderation queue for mentions yet and is shown."""
    result = assess(
        text="\n".join([report.title, report.excerpt]),
        links=[source, report.author_url] if report.author_url else [source],
        author_name=report.author_name,
        email="",
        user=None,
        request=None,
        form_data=None,
        now=timezone.now(),
    )
    return result.verdict == "spam"


def _store(post: Post, source: str, kind: str, report: SourceReport) -> Mention:
    spam = _is_spam(source, report)
    mention, _created = Mention.objects.update_or_create(
        post=post,
        source=source,
        defaults={
            "kind": kind,
            # Kept as rejected, not deleted: a second ping of the same spam finds it.
            "status": Mention.Status.REJECTED if spam else Mention.Status.VERIFIED,
            "type": report.type,
            "author_name": report.author_name,
            "author_url": report.author_url,
            "author_photo": report.author_photo,
            "title": report.title,
            "excerpt": report.excerpt,
        },
    )
    return mention
