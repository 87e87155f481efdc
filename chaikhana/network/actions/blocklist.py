"""Staff add and remove the network's blocked words and link domains, each change audited."""

from __future__ import annotations

from django.db import transaction

from chaikhana.accounts.models import User
from chaikhana.comments.spam import actions as spam_actions
from chaikhana.comments.spam.models import BlockedTerm
from chaikhana.network.actions.audit import audit


@transaction.atomic
def block_word(*, word: str, by: User) -> BlockedTerm:
    """Hold every new comment containing *word* (or file it as spam), network-wide."""
    term = spam_actions.add_blocked_word(word=word)
    audit(actor=by, action="blocklist.word_added", target=term, details={"value": term.value})
    return term


@transaction.atomic
def block_domain(*, domain: str, by: User) -> BlockedTerm:
    """File every new comment linking to *domain* or its subdomains as spam, network-wide."""
    term = spam_actions.add_blocked_domain(domain=domain)
    audit(actor=by, action="blocklist.domain_added", target=term, details={"value": term.value})
    return term


@transaction.atomic
def unblock_term(*, term: BlockedTerm, by: User) -> None:
    """Take a word or domain off the blocklist; comments already judged stay as they are."""
    spam_actions.remove_blocked_term(term=term)
    audit(
        actor=by,
        action=f"blocklist.{term.kind}_removed",
        target=term,
        details={"value": term.value},
    )
