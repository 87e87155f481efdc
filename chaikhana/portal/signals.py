"""Signals other apps listen to (federation): sent by portal actions after commit, ids only."""

from django.dispatch import Signal

# story_id: a story was put on the front page (as the lead or among the featured).
story_featured = Signal()
