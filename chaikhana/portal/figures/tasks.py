"""Background jobs of the figures: move view counters to the database, find links to stories."""

from __future__ import annotations

from django.db import transaction

from chaikhana.portal.figures.counter import flush_counts
from chaikhana.portal.figures.links import collect_story_links
from chaikhana.portal.figures.signals import figures_updated


def update_figures() -> tuple[int, int]:
    """Both jobs, then one signal (on commit) for the pages that show figures."""
    views, links = flush_counts(), collect_story_links()
    transaction.on_commit(lambda: figures_updated.send(sender=None))
    return views, links
