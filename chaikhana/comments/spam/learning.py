"""The learning filter's storage: reading and changing token counts in the database.

Writes are batched (one INSERT for new tokens, one UPDATE per distinct count) and use F()
expressions, so two moderators training at once never lose each other's counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from django.core.cache import cache
from django.db.models import F, Value
from django.db.models.functions import Greatest

from chaikhana.comments.spam import bayes, conf
from chaikhana.comments.spam.models import SpamCorpusStats, SpamToken
from chaikhana.comments.spam.tokens import tokenize

BATCH = 500  # SQLite allows 999 parameters in older builds; PostgreSQL has no such limit
VOCABULARY_KEY = "spam:vocabulary"
VOCABULARY_SECONDS = 300  # smoothing barely moves with a few new tokens; no count per comment


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


def counts_for(tokens: Iterable[str]) -> dict[str, tuple[int, int]]:
    """(spam_count, ham_count) of each token the filter has seen."""
    found: dict[str, tuple[int, int]] = {}
    for chunk in _chunks(sorted(set(tokens))):
        rows = SpamToken.objects.filter(token__in=chunk)
        found.update(
            (t, (s, h)) for t, s, h in rows.values_list("token", "spam_count", "ham_count")
        )
    return found


def totals() -> bayes.Totals:
    stats = SpamCorpusStats.objects.filter(pk=1).first() or SpamCorpusStats()
    vocabulary = cache.get(VOCABULARY_KEY)
    if vocabulary is None:
        vocabulary = SpamToken.objects.count()
        cache.set(VOCABULARY_KEY, vocabulary, VOCABULARY_SECONDS)
    return bayes.Totals(
        spam_docs=stats.spam_docs,
        ham_docs=stats.ham_docs,
        spam_tokens=stats.spam_tokens,
        ham_tokens=stats.ham_tokens,
        vocabulary=vocabulary,
    )


def is_trained(figures: bayes.Totals) -> bool:
    return min(figures.spam_docs, figures.ham_docs) >= conf.min_training_docs()


def opinion(text: str) -> float | None:
    """P(spam) for *text*, or None while the filter has not learnt enough to have a view."""
    figures = totals()
    if not is_trained(figures):
        return None
    tokens = tokenize(text)
    return bayes.spam_probability(tokens, counts_for(tokens), figures, top_n=conf.top_tokens())


def score(text: str) -> float:
    """P(spam) for *text*: 0.5, undecided, until the filter has learnt enough."""
    found = opinion(text)
    return 0.5 if found is None else found


def _add(column: str, tokens: Counter[str], sign: int) -> None:
    """Add (sign=1) or take away (sign=-1) *tokens*' counts in *column*, never below zero."""
    by_count: dict[int, list[str]] = {}
    for token, n in tokens.items():
        by_count.setdefault(n, []).append(token)
    for n, group in by_count.items():
        # Sorted: concurrent transactions then lock rows in the same order and cannot deadlock.
        for chunk in _chunks(sorted(group)):
            change = Greatest(F(column) + Value(sign * n), Value(0))
            SpamToken.objects.filter(token__in=chunk).update(**{column: change})


def _change_stats(is_spam: bool, n_tokens: int, sign: int) -> None:
    prefix = "spam" if is_spam else "ham"
    SpamCorpusStats.objects.get_or_create(pk=1)
    SpamCorpusStats.objects.filter(pk=1).update(
        **{
            f"{prefix}_docs": Greatest(F(f"{prefix}_docs") + Value(sign), Value(0)),
            f"{prefix}_tokens": Greatest(F(f"{prefix}_tokens") + Value(sign * n_tokens), Value(0)),
        }
    )


def learn(text: str, *, is_spam: bool, sign: int) -> None:
    """Count (sign=1) or uncount (sign=-1) *text* as spam or ham; the caller holds a transaction."""
    tokens = tokenize(text)
    if sign > 0:
        new = [SpamToken(token=t) for t in sorted(tokens)]
        SpamToken.objects.bulk_create(new, batch_size=BATCH, ignore_conflicts=True)
    _add("spam_count" if is_spam else "ham_count", tokens, sign)
    _change_stats(is_spam, sum(tokens.values()), sign)
