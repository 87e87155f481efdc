"""``manage.py seed_spam_filter``: teach a new network's spam filter the labelled set."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from chaikhana.comments.spam.actions import seed_filter


class Command(BaseCommand):
    help = (
        "Train the spam filter on the training split of comments/spam/data once, so a new "
        "network's filter has an opinion from the first comment. Running it again does nothing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        learnt = seed_filter(now=timezone.now())
        if not learnt:
            self.stdout.write("spam filter already seeded, left as it is")
            return
        self.stdout.write(self.style.SUCCESS(f"Spam filter seeded: {learnt} examples."))
