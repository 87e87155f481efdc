"""Failed-login throttling, counted by core.ratelimit (hashed subjects, no raw address kept).

The unit that waits is one account tried from one address: five failures and that pair waits
a quarter of an hour. An address alone is never locked out: one address can be a school, an
office or — behind the onion service — every Tor reader at once (they all arrive from
127.0.0.1), so a stranger inventing names must not shut them all out. An address or an
account failing far more often than any person does only slows down (a minute's wait), which
still makes guessing across many accounts, or from many addresses, slow. Requests on the
onion host carry no usable address, so there the account alone is counted (request_address).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.http import HttpRequest

from chaikhana.accounts.models import username_key
from chaikhana.core import ratelimit
from chaikhana.core.addresses import client_address
from chaikhana.core.onion import is_onion_request

WINDOW = 15 * 60  # failures are counted in windows of this length
LOCKOUT = 15 * 60  # how long one account waits at one address after MAX_PER_PAIR failures
SLOWDOWN = 60  # how long a whole address, or an account from everywhere, waits at its ceiling
MAX_PER_PAIR = 5
MAX_PER_ADDRESS = 100  # far above what the people behind one address fail between them
MAX_PER_ACCOUNT = 50  # from every address together: guessing spread over many addresses

PAIR, ADDRESS, ACCOUNT = "login-fail:pair", "login-fail:addr", "login-fail:user"


@dataclass(frozen=True)
class Wait:
    """How long until the next try, and whether the whole address waits (not only her)."""

    minutes: int
    whole_address: bool


def request_address(request: HttpRequest | None) -> str:
    """The address to count a login by; "" (the account alone) on the onion host."""
    if request is None or is_onion_request(request):
        return ""
    return client_address(request)


def _subjects(username: str, address: str) -> dict[str, tuple[str, int, int]]:
    """scope -> (hashed subject, failures allowed, seconds to wait) for this attempt."""
    account = ratelimit.digest(username_key(username))
    where = ratelimit.address_hash(address)
    subjects = {
        PAIR: (ratelimit.digest(f"{where}\0{account}"), MAX_PER_PAIR, LOCKOUT),
        ACCOUNT: (account, MAX_PER_ACCOUNT, SLOWDOWN),
    }
    if where:
        subjects[ADDRESS] = (where, MAX_PER_ADDRESS, SLOWDOWN)
    return subjects


def _minutes(seconds: int) -> int:
    return max(1, math.ceil(seconds / 60)) if seconds else 0


def wait(*, username: str, address: str) -> Wait | None:
    """How long this username at this address must wait; None when it may try now."""
    subjects = _subjects(username, address)
    if own := ratelimit.seconds_locked(*[(s, subjects[s][0]) for s in (PAIR, ACCOUNT)]):
        return Wait(_minutes(own), whole_address=False)
    if ADDRESS in subjects and (
        shared := ratelimit.seconds_locked((ADDRESS, subjects[ADDRESS][0]))
    ):
        return Wait(_minutes(shared), whole_address=True)
    return None


def minutes_locked(*, username: str, address: str) -> int:
    """Minutes until this username at this address may try again; 0 when it may now."""
    found = wait(username=username, address=address)
    return found.minutes if found else 0


def record_failure(*, username: str, address: str) -> None:
    for scope, (subject, limit, seconds) in _subjects(username, address).items():
        if ratelimit.hit(scope, subject, window=WINDOW) >= limit:
            ratelimit.lock(scope, subject, seconds=seconds)


def clear_username(*, username: str, address: str = "") -> None:
    """A successful login forgives the account's failures, and at *address* the pair's too
    (never the address's: the others behind it may still be guessing)."""
    subjects = _subjects(username, address)
    for scope in (PAIR, ACCOUNT):
        ratelimit.forget(scope, subjects[scope][0], window=WINDOW)


# Sign-up must say when a username is taken (she has to pick another), which tells whoever
# asks that the account exists. Usernames are private here, so those answers are counted per
# address and invite code, and past the limit every sign-up from there waits, taken or not, so
# the wait itself tells nothing. Only someone holding a usable invite gets this far on an
# invite-only network, and onion readers (no usable address) then each count under their own
# invite; on an open network they share one count, which costs them at most an hour's wait.
SIGNUP_WINDOW = 60 * 60
MAX_TAKEN_PER_SIGNUP_SOURCE = 10


def _signup_source(address: str, invite_code: str) -> str:
    return ratelimit.digest(f"{ratelimit.address_hash(address)}\0{invite_code.strip()}")


def signup_minutes_locked(*, address: str, invite_code: str) -> int:
    """Minutes until sign-up from this address (and invite) may try names again."""
    seconds = ratelimit.seconds_locked(("signup-taken", _signup_source(address, invite_code)))
    return _minutes(seconds)


def record_taken_username(*, address: str, invite_code: str) -> None:
    subject = _signup_source(address, invite_code)
    if ratelimit.hit("signup-taken", subject, window=SIGNUP_WINDOW) >= MAX_TAKEN_PER_SIGNUP_SOURCE:
        ratelimit.lock("signup-taken", subject, seconds=SIGNUP_WINDOW)


# Password-reset mail is counted per mailbox typed, whether or not an account has it, so the
# count tells nothing: past a limit the page still says "sent" and nothing is sent. One
# address asking for one mailbox gets a few mails an hour; the mailbox from everywhere
# together more (someone else asking for hers must not shut her out at once, but must not
# flood her inbox either); one address for every mailbox together more again (not counted on
# the onion host, where every reader shares one address).
RESET_WINDOW = 60 * 60
MAX_RESETS_PER_PAIR = 3
MAX_RESETS_PER_MAILBOX = 10
MAX_RESETS_PER_ADDRESS = 30


def reset_mail_allowed(*, email: str, address: str) -> bool:
    """Count one reset request; False when no mail may go out for it."""
    mailbox = ratelimit.digest(email.strip().lower())
    where = ratelimit.address_hash(address)
    counts = [
        ("reset:pair", ratelimit.digest(f"{where}\0{mailbox}"), MAX_RESETS_PER_PAIR),
        ("reset:mailbox", mailbox, MAX_RESETS_PER_MAILBOX),
    ]
    if where:
        counts.append(("reset:addr", where, MAX_RESETS_PER_ADDRESS))
    allowed = True
    for scope, subject, limit in counts:
        allowed = ratelimit.hit(scope, subject, window=RESET_WINDOW) <= limit and allowed
    return allowed
