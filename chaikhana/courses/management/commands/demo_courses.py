"""``manage.py demo_courses``: add the demo school (courses and sessions) to the demo network."""

from __future__ import annotations

import random
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from chaikhana.courses.demo import create_demo_courses
from chaikhana.courses.models import Course


class Command(BaseCommand):
    help = "Create demo courses with sessions next month (Asia/Bishkek), tutors from users."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--if-empty", action="store_true", help="do nothing when courses exist already"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and Course.objects.exists():
            self.stdout.write("courses exist, demo courses not loaded")
            return
        made = create_demo_courses(random.Random(options["seed"]))
        self.stdout.write(self.style.SUCCESS(f"Demo school loaded: {made} courses."))
