"""Multinomial naive Bayes over token counts: the arithmetic alone, with no storage.

The database-backed filter (filter.py) and the benchmark's in-memory one (MemoryCorpus) both
feed it the same numbers, so the benchmark measures the code that runs in production.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

# A token counted many times in one comment ("казино казино казино") adds weight, but only
# up to this many times: otherwise one repeated word decides alone.
MAX_REPEATS = 3
# Fewer known tokens than this is thin evidence ("Спасибо за статью."): the score is pulled
# toward 0.5 in proportion, so a short thank-you is at worst held, never filed as spam.
MIN_EVIDENCE = 5


@dataclass(frozen=True)
class Totals:
    """What the whole training corpus adds up to."""

    spam_docs: int = 0
    ham_docs: int = 0
    spam_tokens: int = 0
    ham_tokens: int = 0
    vocabulary: int = 0


def token_weights(
    tokens: Counter[str], counts: Mapping[str, tuple[int, int]], totals: Totals
) -> dict[str, float]:
    """log P(token | spam) − log P(token | ham) for each token the corpus has seen.

    Laplace smoothing (add one) keeps a token seen in only one class from being certain.
    Tokens never seen say nothing about this corpus and are left out.
    """
    vocabulary = max(totals.vocabulary, 1)
    spam_total = math.log(totals.spam_tokens + vocabulary)
    ham_total = math.log(totals.ham_tokens + vocabulary)
    weights: dict[str, float] = {}
    for token in tokens:
        spam, ham = counts.get(token, (0, 0))
        if spam or ham:
            weights[token] = (math.log(spam + 1) - spam_total) - (math.log(ham + 1) - ham_total)
    return weights


def spam_probability(
    tokens: Counter[str],
    counts: Mapping[str, tuple[int, int]],
    totals: Totals,
    *,
    top_n: int,
) -> float:
    """P(spam | text) from the *top_n* most telling tokens, summed in log space.

    Equal priors: how much spam moderators happened to file says nothing about this text
    (a network under attack would otherwise start calling everything spam).
    """
    weights = token_weights(tokens, counts, totals)
    telling = sorted(weights, key=lambda t: abs(weights[t]), reverse=True)[:top_n]
    log_odds = sum(min(tokens[t], MAX_REPEATS) * weights[t] for t in telling)
    log_odds *= min(1.0, len(telling) / MIN_EVIDENCE)
    log_odds = max(-700.0, min(700.0, log_odds))  # exp() overflows beyond ±709
    return 1.0 / (1.0 + math.exp(-log_odds))


@dataclass
class MemoryCorpus:
    """Counts kept in a dict: for the benchmark and for tests of the arithmetic."""

    counts: dict[str, list[int]] = field(default_factory=dict)
    spam_docs: int = 0
    ham_docs: int = 0

    def train(self, tokens: Counter[str], *, is_spam: bool) -> None:
        column = 0 if is_spam else 1
        for token, n in tokens.items():
            self.counts.setdefault(token, [0, 0])[column] += n
        self.spam_docs += is_spam
        self.ham_docs += not is_spam

    def totals(self) -> Totals:
        return Totals(
            spam_docs=self.spam_docs,
            ham_docs=self.ham_docs,
            spam_tokens=sum(c[0] for c in self.counts.values()),
            ham_tokens=sum(c[1] for c in self.counts.values()),
            vocabulary=len(self.counts),
        )

    def score(self, tokens: Counter[str], *, top_n: int) -> float:
        counts = {t: (c[0], c[1]) for t, c in self.counts.items() if t in tokens}
        return spam_probability(tokens, counts, self.totals(), top_n=top_n)
