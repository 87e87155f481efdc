"""The one entry point: :func:`assess` combines every check into approve, hold or spam."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from chaikhana.comments.spam import akismet, blocklist, conf, forms, learning, ratelimit
from chaikhana.comments.spam.signals import Signal, strictest
from chaikhana.comments.spam.tokens import links_in
from chaikhana.core.ratelimit import request_address_hash


@dataclass(frozen=True)
class Assessment:
    """The verdict ("approve" | "hold" | "spam"), the filter's P(spam), and why.

    *reasons* are stable codes (for moderators' filters and the statistics); *messages*
    the same reasons in the current language, for the commenter or the moderator.
    """

    verdict: str
    score: float
    reasons: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


def document(text: str, links: Sequence[str] = (), author_name: str = "") -> str:
    """What the filter reads: the text, then links given apart from it (the author's website)
    and the name, which spammers fill with keywords. Train on the same composition."""
    return "\n".join([text, *links, author_name])


def _bayes_signal(score: float | None) -> list[Signal]:
    """Only a confident filter decides. Untrained (None) or unsure (between the thresholds:
    thin evidence, a short thank-you, a language it has seen little of) it abstains and the
    blog's policy decides; "filter-unsure" is noted for moderators without holding anything.
    """
    if score is None:
        return []
    if score > conf.spam_above():
        return [Signal("spam", "filter-spam", _("It looks like spam the network has seen."))]
    if score >= conf.approve_below():
        return [Signal("approve", "filter-unsure", _("The spam filter is not sure about it."))]
    return []


def _akismet_signal(text: str, author_name: str, email: str, request: Any) -> list[Signal]:
    if akismet.is_spam(text=text, author_name=author_name, email=email, request=request):
        return [Signal("spam", "akismet", _("Akismet thinks it is spam."))]
    return []


def assess(
    *,
    text: str,
    links: Sequence[str],
    author_name: str,
    email: str,
    user: Any,
    request: HttpRequest | None,
    form_data: Mapping[str, Any] | None,
    now: datetime,
) -> Assessment:
    """Approve, hold or spam a comment, mention or sign-up; see the package docstring."""
    signals: list[Signal] = []
    if form_data is not None:  # a mention or an API call has no form to check
        signals += forms.check_submission(form_data, now)
    account_id = user.pk if getattr(user, "is_authenticated", False) else None
    address = request_address_hash(request, now=now) if request is not None else ""
    signals += ratelimit.check_rate(account_id=account_id, address=address, now=now)
    all_links = [*links, *links_in(text)]
    signals += blocklist.check(text, all_links)
    opinion = learning.opinion(document(text, links, author_name))
    signals += _bayes_signal(opinion)
    score = 0.5 if opinion is None else opinion
    signals += _akismet_signal(text, author_name, email, request)
    return Assessment(
        verdict=strictest([s.verdict for s in signals]),
        score=score,
        reasons=[s.code for s in signals],
        messages=[str(s.message) for s in signals],
    )
