"""Signals other apps listen to (webhooks): sent by actions after commit, ids only."""

from django.dispatch import Signal

# registration_id: a place in a session was taken or joined the waitlist.
registration_created = Signal()
