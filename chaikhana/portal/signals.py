"""Signals other apps listen to (webhooks): sent by actions after commit, ids only."""

from django.dispatch import Signal

# submission_id, from_state, to_state: a submission moved in the editorial workflow.
submission_changed = Signal()
