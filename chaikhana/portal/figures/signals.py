"""Sent after figures change, so pages that print them (the front page) are refreshed."""

from django.dispatch import Signal

figures_updated = Signal()
