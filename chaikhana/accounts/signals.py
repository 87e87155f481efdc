"""Signals the accounts app sends; other apps listen (accounts never imports them)."""

from django.dispatch import Signal

# Sent synchronously inside delete_account's transaction, before the user row goes,
# with ``user_id``: receivers delete what must not outlive her (blogs she alone owns).
# A receiver that raises rolls the whole deletion back.
account_deleting = Signal()
