"""Every write the spam defence makes: training, blocklists and the record of decisions."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from chaikhana.comments.spam import learning
from chaikhana.comments.spam.blocklist import normalise_domain, normalise_phrase
from chaikhana.comments.spam.models import BlockedTerm, SpamCorpusStats, SpamDecision, Verdict
from chaikhana.core.errors import ActionError

LABELLED_SET = Path(__file__).resolve().parent / "data" / "labelled_comments.jsonl"


def labelled_examples(split: str = "train") -> Iterator[tuple[str, bool]]:
    """(text, is_spam) of the labelled set's *split* (the test split stays unseen: BENCHMARKS)."""
    with LABELLED_SET.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row["split"] == split:
                yield row["text"], row["label"] == "spam"


@transaction.atomic
def seed_filter(*, now: datetime) -> int:
    """Teach a new network's filter the labelled set's training split, once.

    Returns how many examples it learnt: 0 when it was seeded before (a second run would
    count every example twice and skew the filter).
    """
    SpamCorpusStats.objects.get_or_create(pk=1)
    stats = SpamCorpusStats.objects.select_for_update().get(pk=1)
    if stats.seeded_at is not None:
        return 0
    learnt = 0
    for text, is_spam in labelled_examples("train"):
        learning.learn(text, is_spam=is_spam, sign=1)
        learnt += 1
    SpamCorpusStats.objects.filter(pk=1).update(seeded_at=now)
    return learnt


# One label of a host name: letters (any script) or digits, hyphens inside (RFC 1123 §2.1).
_HOST_LABEL = re.compile(r"[^\W_](?:[\w-]{0,61}[^\W_])?")
_MAX_TERM = 200  # BlockedTerm.value's column


@transaction.atomic
def add_blocked_word(*, word: str) -> BlockedTerm:
    """Block a word or phrase network-wide: comments containing it are held (or spam)."""
    value = normalise_phrase(word)
    if len(value) < 2:
        raise ActionError(_("A blocked word needs at least two letters."), field="word")
    if len(value) > _MAX_TERM:
        raise ActionError(
            _("A blocked word or phrase may be 200 characters at most."), field="word"
        )
    return _block(BlockedTerm.Kind.WORD, value, _("This word is already blocked."), field="word")


@transaction.atomic
def add_blocked_domain(*, domain: str) -> BlockedTerm:
    """Block a link domain (and its subdomains) network-wide: links to it are spam."""
    value = normalise_domain(domain)
    labels = value.split(".")
    if len(labels) < 2 or len(value) > _MAX_TERM or not all(map(_HOST_LABEL.fullmatch, labels)):
        raise ActionError(_("Enter a domain such as example.com."), field="domain")
    return _block(
        BlockedTerm.Kind.DOMAIN, value, _("This domain is already blocked."), field="domain"
    )


def _block(kind: str, value: str, taken: str | Promise, *, field: str) -> BlockedTerm:
    # get_or_create, not exists() then create(): two staff adding it at once get one row.
    term, created = BlockedTerm.objects.get_or_create(kind=kind, value=value)
    if not created:
        raise ActionError(taken, field=field)
    return term


@transaction.atomic
def remove_blocked_term(*, term: BlockedTerm) -> None:
    """Take a word or domain off the blocklist: new comments are no longer judged by it."""
    deleted, _rows = BlockedTerm.objects.filter(pk=term.pk).delete()
    if not deleted:
        raise ActionError(_("This is no longer on the blocklist."))


def record_assessment(*, obj: models.Model, verdict: str, score: float) -> SpamDecision:
    """Remember the engine's verdict on *obj* (a comment, mention or sign-up) for statistics."""
    return SpamDecision.objects.create(
        kind=SpamDecision.Kind.AUTO,
        verdict=verdict,
        score=score,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        created_at=timezone.now(),
    )


def _last_moderation(content_type: ContentType, object_id: int) -> SpamDecision | None:
    earlier = SpamDecision.objects.filter(
        content_type=content_type, object_id=object_id, kind=SpamDecision.Kind.MODERATOR
    )
    return earlier.select_for_update().order_by("-created_at", "-pk").first()


@transaction.atomic
def record_moderation(*, obj: models.Model, text: str, is_spam: bool) -> SpamDecision | None:
    """A moderator called *obj* spam or not: record it and train the filter on *text*.

    Reversing an earlier moderator decision untrains it first, so the filter counts each
    text once, as its latest verdict; repeating a decision changes nothing.
    """
    content_type = ContentType.objects.get_for_model(obj)
    verdict = Verdict.SPAM if is_spam else Verdict.APPROVE
    previous = _last_moderation(content_type, obj.pk)
    if previous is not None and previous.verdict == verdict:
        return None
    if previous is not None:
        learning.learn(text, is_spam=not is_spam, sign=-1)
    learning.learn(text, is_spam=is_spam, sign=1)
    return SpamDecision.objects.create(
        kind=SpamDecision.Kind.MODERATOR,
        verdict=verdict,
        content_type=content_type,
        object_id=obj.pk,
        created_at=timezone.now(),
    )
