"""Signals other apps listen to (federation, webhooks): sent by portal actions after commit,
ids only."""

from django.dispatch import Signal

# story_id: a story was put on the front page (as the lead or among the featured).
story_featured = Signal()
# submission_id, from_state, to_state: a submission moved in the editorial workflow.
submission_changed = Signal()
