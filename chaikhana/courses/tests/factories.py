"""factory_boy factories for the school's tables."""

from datetime import timedelta

import factory
from django.utils import timezone

from chaikhana.core.testing.factories import UserFactory
from chaikhana.courses.models import (
    Course,
    GroupRegistration,
    Material,
    Registration,
    Session,
    TutorProfile,
)


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    title = factory.Sequence(lambda n: f"Course {n}")
    slug = factory.Sequence(lambda n: f"course-{n}")
    description = "Learn *things*."
    topic = Course.Topic.JOURNALISM
    level = Course.Level.BEGINNER
    language = "ru"
    is_published = True


class TutorProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TutorProfile

    user = factory.SubFactory(UserFactory)
    display_name = factory.Sequence(lambda n: f"Tutor {n}")
    bio = "Teaches."


class MaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Material

    course = factory.SubFactory(CourseFactory)
    title = factory.Sequence(lambda n: f"Reading {n}")
    body = "Read **this**."


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    course = factory.SubFactory(CourseFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda s: s.starts_at + timedelta(hours=2))
    place = "Bishkek, Chui 1"
    capacity = 10


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    session = factory.SubFactory(SessionFactory)
    user = factory.SubFactory(UserFactory)
    status = Registration.Status.CONFIRMED


class GuestRegistrationFactory(RegistrationFactory):
    user = None
    name = factory.Sequence(lambda n: f"Guest {n}")
    email = factory.Sequence(lambda n: f"guest{n}@example.org")


class GroupRegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupRegistration

    session = factory.SubFactory(SessionFactory)
    organisation = "Civic Voices"
    contact_email = "office@civic.example.org"
