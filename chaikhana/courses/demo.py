"""Demo courses for `make run`: four courses with sessions next month, taught by demo users."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from chaikhana.accounts.models import User
from chaikhana.courses.models import Course, Material, Session, TutorProfile

COURSES = [
    ("Основы журналистики", "journalism", "ru",
     {"for_bloggers": True, "for_journalists": True}, None),
    ("Media ethics", "ethics", "en", {"for_journalists": True}, (Decimal("20.00"), "USD")),
    ("Социалдык тармактар БӨУ үчүн", "social-media", "ky",
     {"for_ngos": True}, (Decimal("500.00"), "KGS")),
    ("BarCamp Bishkek", "community", "en", {"for_bloggers": True, "for_ngos": True}, None),
]  # fmt: skip


def _next_month(rng: random.Random, hour: int) -> datetime:
    zone = ZoneInfo(settings.TIME_ZONE)
    first = (timezone.localdate().replace(day=1) + timedelta(days=32)).replace(day=1)
    day = first + timedelta(days=rng.randrange(0, 27))
    return datetime.combine(day, time(hour), tzinfo=zone)  # Asia/Bishkek wall time, stored UTC


@transaction.atomic
def create_demo_courses(rng: random.Random) -> int:
    """Create the demo courses (each with two sessions); returns how many were made."""
    tutors = list(User.objects.order_by("pk")[:4])
    for user in tutors:
        name = user.display_name or user.username.title()
        TutorProfile.objects.get_or_create(user=user, defaults={"display_name": name})
    for n, (title, topic, language, audience, fee) in enumerate(COURSES):
        course = Course.objects.create(
            title=title,
            slug=f"demo-{n + 1}-{topic}",
            description=f"**{title}**: a demo course.",
            topic=topic,
            language=language,
            fee_amount=fee[0] if fee else None,
            fee_currency=fee[1] if fee else "",
            is_published=True,
            **audience,
        )
        course.tutors.set(tutors[n % len(tutors) : n % len(tutors) + 1] if tutors else [])
        Material.objects.create(course=course, title="Reading list", body="- one\n- two")
        for hour in (10, 15):
            starts = _next_month(rng, hour)
            Session.objects.create(
                course=course,
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
                place="Bishkek, Chui avenue 114",
                capacity=rng.choice((2, 12, 25)),
            )
    return len(COURSES)
