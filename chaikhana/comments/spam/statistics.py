"""Figures for the network admin panel: what the engine caught, missed and got wrong."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count, OuterRef, Q, Subquery

from chaikhana.comments.spam.models import SpamDecision, Verdict


def spam_statistics(since: datetime) -> dict[str, int]:
    """Counts over objects the engine judged since *since*, by the moderators' last word.

    caught: auto-marked spam; missed: approved or held, later marked spam by a moderator;
    false_positives: auto-marked spam that a moderator approved.
    """
    moderated = SpamDecision.objects.filter(
        kind=SpamDecision.Kind.MODERATOR,
        content_type=OuterRef("content_type"),
        object_id=OuterRef("object_id"),
    ).order_by("-created_at", "-pk")
    auto = SpamDecision.objects.filter(kind=SpamDecision.Kind.AUTO, created_at__gte=since)
    auto = auto.annotate(final=Subquery(moderated.values("verdict")[:1]))
    is_spam, not_spam = Q(verdict=Verdict.SPAM), ~Q(verdict=Verdict.SPAM)
    figures = auto.aggregate(
        assessed=Count("pk"),
        approved=Count("pk", filter=Q(verdict=Verdict.APPROVE)),
        held=Count("pk", filter=Q(verdict=Verdict.HOLD)),
        caught=Count("pk", filter=is_spam),
        missed=Count("pk", filter=not_spam & Q(final=Verdict.SPAM)),
        false_positives=Count("pk", filter=is_spam & Q(final=Verdict.APPROVE)),
    )
    return {name: int(value or 0) for name, value in figures.items()}
