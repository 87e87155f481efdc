"""The school's tables: courses and their tutors, sessions, registrations, calendars."""

from chaikhana.courses.models.certificate import Certificate, CertificateQuerySet
from chaikhana.courses.models.course import Course, CourseQuerySet, Material, TutorProfile
from chaikhana.courses.models.registration import (
    GroupRegistration,
    Notice,
    Registration,
    RegistrationQuerySet,
    StudentCalendar,
)
from chaikhana.courses.models.session import Session, SessionQuerySet

__all__ = [
    "Certificate",
    "CertificateQuerySet",
    "Course",
    "CourseQuerySet",
    "GroupRegistration",
    "Material",
    "Notice",
    "Registration",
    "RegistrationQuerySet",
    "Session",
    "SessionQuerySet",
    "StudentCalendar",
    "TutorProfile",
]
