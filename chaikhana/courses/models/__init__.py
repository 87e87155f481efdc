"""The school's tables: courses and their tutors, sessions, registrations, calendars."""

from chaikhana.courses.models.course import Course, CourseQuerySet, Material, TutorProfile
from chaikhana.courses.models.registration import (
    GroupRegistration,
    Registration,
    RegistrationQuerySet,
    StudentCalendar,
)
from chaikhana.courses.models.session import Session, SessionQuerySet

__all__ = [
    "Course",
    "CourseQuerySet",
    "GroupRegistration",
    "Material",
    "Registration",
    "RegistrationQuerySet",
    "Session",
    "SessionQuerySet",
    "StudentCalendar",
    "TutorProfile",
]
