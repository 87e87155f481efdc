"""Form helpers that cost a person nothing: a honeypot field and a signed timing token.

The form carries a token signed with the time it was rendered. A submission sooner than a
person could write (3 s) or later than a day is held; a filled honeypot (a field hidden from
people, which scripts fill in) is spam. No third party, no CAPTCHA: Tor users and screen
readers pass as easily as anyone.

Two kinds of token, because anonymous pages come from the shared page cache:

* **shared** tokens are printed in pages every reader of a stored copy gets. Replay cannot
  mean "used before" (two honest guests send the same one), so each use is counted, and past
  ``conf.shared_token_uses()`` uses the token holds. A day's age limit and the per-address
  rate limits still apply, so a script cannot reuse one token forever. A shared token is the
  same for every rendering of one page (its *scope*) within a ten-minute window: otherwise
  each rendering would differ, and a reader coming back could never get a 304.
* **single** tokens are issued in a page rendered for one person (signed in). They are good
  for one submission; a second one holds.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django import forms
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from chaikhana.comments.spam import conf
from chaikhana.comments.spam.signals import Signal
from chaikhana.core import ratelimit

HONEYPOT_FIELD = "homepage"  # a name bots love to fill in; the real website field is "url"
TOKEN_FIELD = "form_token"  # noqa: S105 (a field name, not a secret)
SALT = "chaikhana.comments.spam.form-token"


SHARED_WINDOW_SECONDS = 600


class _SignerAt(signing.TimestampSigner):
    """A TimestampSigner whose clock is fixed, so the same payload signs the same way."""

    def __init__(self, *, at: int, salt: str) -> None:
        super().__init__(salt=salt)
        self._at = at

    def timestamp(self) -> str:
        return signing.b62_encode(self._at)


def issue_token(now: datetime, *, shared: bool = False, scope: str = "") -> str:
    """A token for a form rendered at *now*, signed, with a nonce that counts its uses.

    *shared*: printed in a page many readers may get (the page cache); see the module's text.
    *scope* names that page (a post), so its shared token is stable for a window.
    """
    if not shared:
        payload = {"t": now.timestamp(), "n": secrets.token_urlsafe(12), "s": 0}
        return signing.dumps(payload, salt=SALT)
    start = int(now.timestamp()) // SHARED_WINDOW_SECONDS * SHARED_WINDOW_SECONDS
    nonce = salted_hmac(SALT, f"{start}:{scope}").hexdigest()[:16]
    payload = {"t": float(start), "n": nonce, "s": 1}
    return _SignerAt(at=start, salt=SALT).sign_object(payload)


def spam_fields(now: datetime, *, shared: bool = False, scope: str = "") -> dict[str, forms.Field]:
    """The two fields to add to a public form (``form.fields.update(spam_fields(now))``);
    *shared* when the page may be stored and given to other readers (*scope*: which page)."""
    honeypot = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        # Hidden by the stylesheet's .hp rule and from assistive technology; never focusable.
        widget=forms.TextInput(
            attrs={"class": "hp", "autocomplete": "off", "tabindex": "-1", "aria-hidden": "true"}
        ),
    )
    token = forms.CharField(
        required=False,
        initial=issue_token(now, shared=shared, scope=scope),
        widget=forms.HiddenInput,
    )
    return {HONEYPOT_FIELD: honeypot, TOKEN_FIELD: token}


def _hold(code: str, message: Any) -> list[Signal]:
    return [Signal("hold", code, message)]


def _check_token(raw: str, now: datetime) -> list[Signal]:
    try:
        payload = signing.loads(raw, salt=SALT)
        issued, nonce, shared = float(payload["t"]), str(payload["n"]), bool(payload.get("s"))
    except (signing.BadSignature, KeyError, TypeError, ValueError, AttributeError):
        return _hold("bad-token", _("The form was not sent from this site's page."))
    age = now.timestamp() - issued
    if age > conf.max_form_age_seconds():
        return _hold("stale-token", _("The form is more than a day old; please reload the page."))
    if age < conf.min_form_seconds():
        return _hold("too-fast", _("The form was sent faster than anyone could write."))
    if _uses(nonce) > (conf.shared_token_uses() if shared else 1):
        return _hold("replayed-token", _("The same form was sent twice."))
    return []


def _uses(nonce: str) -> int:
    """Count one use of the token *nonce*; how many it has had (add and incr are atomic)."""
    key, ttl = f"spam:token:{nonce}", int(conf.max_form_age_seconds()) + 60
    if cache.add(key, 1, ttl):
        return 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: the token is stale by now anyway
        return 1
    # None: the cache is away (Redis stopped); a replay cannot be ruled out, so the comment is
    # held for a moderator, as every comment limit does then (core/ratelimit.py).
    return ratelimit.count_when_unknown("spam-token") if count is None else int(count)


def check_submission(data: Mapping[str, Any], now: datetime) -> list[Signal]:
    """What the honeypot and the timing token say about submitted form *data*."""
    if str(data.get(HONEYPOT_FIELD) or "").strip():
        return [Signal("spam", "honeypot", _("A field meant to stay empty was filled in."))]
    raw = str(data.get(TOKEN_FIELD) or "")
    if not raw:
        return _hold("no-token", _("The form was not sent from this site's page."))
    return _check_token(raw, now)
