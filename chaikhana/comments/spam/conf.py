"""The spam defence's tunables, with typed defaults; override any of them in settings.

Read at call time, not import time, so ``override_settings`` in tests takes effect.
"""

from __future__ import annotations

from django.conf import settings


def _setting(name: str, default: float) -> float:
    return float(getattr(settings, name, default))


def approve_below() -> float:
    """A Bayes score under this approves (other signals permitting)."""
    return _setting("SPAM_APPROVE_BELOW", 0.3)


def spam_above() -> float:
    """A Bayes score over this files the text as spam; in between, a moderator decides."""
    return _setting("SPAM_SPAM_ABOVE", 0.9)


def min_form_seconds() -> float:
    """People take longer than this to read a post and write; scripts do not."""
    return _setting("SPAM_MIN_FORM_SECONDS", 3)


def max_form_age_seconds() -> float:
    """A form token older than this is stale (a day: a tab left open overnight still works)."""
    return _setting("SPAM_MAX_FORM_AGE_SECONDS", 24 * 60 * 60)


def shared_token_uses() -> int:
    """How many submissions one token printed in a shared (cached) page is good for: every
    reader of the stored copy sends the same one (forms.py); readers with JavaScript get a
    token of their own instead. Past this, the token holds, as a replayed one does."""
    return int(getattr(settings, "SPAM_SHARED_TOKEN_USES", 20))


def rate_limits() -> dict[str, list[tuple[int, int]]]:
    """(window seconds, most submissions allowed) per kind of key.

    An address gets more than an account would: a school or an office shares one address.
    """
    default = {
        "account": [(60, 5), (3600, 30)],
        "address": [(60, 5), (3600, 30)],
    }
    return dict(getattr(settings, "SPAM_RATE_LIMITS", default))


def blocked_word_verdict() -> str:
    """What a blocked word or phrase earns: "hold" (a moderator looks) or "spam"."""
    return str(getattr(settings, "SPAM_BLOCKED_WORD_VERDICT", "hold"))


def top_tokens() -> int:
    """How many of a text's most telling tokens the filter weighs (Graham's 15 is too few
    for Russian, whose inflections spread one word over many tokens)."""
    return int(getattr(settings, "SPAM_TOP_TOKENS", 40))


def min_training_docs() -> int:
    """Below this many spam and ham examples each, the filter abstains (scores 0.5 and
    decides nothing): an untrained filter would hold every comment on a new network."""
    return int(getattr(settings, "SPAM_MIN_TRAINING_DOCS", 10))


def akismet_api_key() -> str:
    """Akismet is off unless a key is set: it sends the commenter's text and address abroad."""
    return str(settings.AKISMET_API_KEY or "")


def akismet_endpoint() -> str:
    return str(getattr(settings, "AKISMET_ENDPOINT", "https://rest.akismet.com/1.1/comment-check"))
