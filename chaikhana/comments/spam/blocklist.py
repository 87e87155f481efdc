"""The network's blocklists: a blocked link domain means spam, a blocked word a hold."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from chaikhana.comments.spam import conf
from chaikhana.comments.spam.models import BlockedTerm
from chaikhana.comments.spam.signals import Signal
from chaikhana.comments.spam.tokens import host_of, normalise

_SPACE = re.compile(r"\s+")


def normalise_phrase(phrase: str) -> str:
    return _SPACE.sub(" ", normalise(phrase)).strip()


def normalise_domain(domain: str) -> str:
    return host_of(domain.strip()).rstrip(".")


def _domain_blocked(host: str, blocked: set[str]) -> bool:
    """True for a blocked domain or any subdomain of one (www.x.com, promo.x.com for x.com)."""
    parts = host.split(".")
    return any(".".join(parts[i:]) in blocked for i in range(len(parts) - 1))


def _phrase_found(phrase: str, text: str) -> bool:
    # Whole words only: blocking "loan" must not hold a comment about "loaned" books.
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


def check(text: str, links: Iterable[str]) -> list[Signal]:
    """Signals for blocked domains among *links* and blocked words in *text*."""
    terms = list(BlockedTerm.objects.values_list("kind", "value"))
    domains = {v for k, v in terms if k == BlockedTerm.Kind.DOMAIN}
    hosts = {host_of(link) for link in links}
    found: list[Signal] = []
    if any(_domain_blocked(h, domains) for h in hosts if h):
        found.append(Signal("spam", "blocked-domain", _("It links to a blocked site.")))
    flat = normalise_phrase(text)
    words = [v for k, v in terms if k == BlockedTerm.Kind.WORD]
    if any(_phrase_found(w, flat) for w in words):
        verdict = "spam" if conf.blocked_word_verdict() == "spam" else "hold"
        found.append(Signal(verdict, "blocked-word", _("It contains a blocked word.")))
    return found
