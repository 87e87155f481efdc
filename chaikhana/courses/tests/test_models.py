"""The school's tables refuse what can never be true, whatever code writes to them."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction

from chaikhana.courses.models import Course, Registration, Session
from chaikhana.courses.tests.factories import (
    CourseFactory,
    GuestRegistrationFactory,
    RegistrationFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db


class CourseTests:
    def test_description_is_rendered_when_saved(self):
        course = CourseFactory(description="A *good* course")
        assert "<em>good</em>" in course.description_html

    def test_fee_without_currency_is_refused_by_the_database(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            CourseFactory(fee_amount="100.00", fee_currency="")

    def test_audiences_lists_the_chosen_ones(self):
        course = CourseFactory(for_bloggers=True, for_ngos=True)
        assert course.audiences == ["Bloggers", "NGOs"]

    def test_published_excludes_drafts(self):
        CourseFactory(is_published=False)
        shown = CourseFactory()
        assert list(Course.objects.published()) == [shown]


class SessionTests:
    def test_end_before_start_is_refused_by_the_database(self):
        session = SessionFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            Session.objects.filter(pk=session.pk).update(
                ends_at=session.starts_at - timedelta(minutes=1)
            )

    def test_seats_left_counts_confirmed_and_offered_only(self):
        session = SessionFactory(capacity=3)
        RegistrationFactory(session=session)
        RegistrationFactory(session=session, status=Registration.Status.WAITLISTED)
        RegistrationFactory(session=session, status=Registration.Status.CANCELLED)
        annotated = Session.objects.with_seats().get(pk=session.pk)
        assert (annotated.seats_taken, annotated.seats_left) == (1, 2)


class RegistrationTests:
    def test_second_active_registration_of_a_user_is_refused(self):
        first = RegistrationFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            RegistrationFactory(session=first.session, user=first.user)

    def test_a_cancelled_registration_does_not_block_a_new_one(self):
        first = RegistrationFactory(status=Registration.Status.CANCELLED)
        again = RegistrationFactory(session=first.session, user=first.user)
        assert again.pk

    def test_guest_email_is_unique_per_session_ignoring_case(self):
        first = GuestRegistrationFactory(email="aigul@example.org")
        with pytest.raises(IntegrityError), transaction.atomic():
            GuestRegistrationFactory(session=first.session, email="Aigul@Example.org")

    def test_waitlist_position_follows_the_order_people_joined(self):
        session = SessionFactory(capacity=1)
        first = RegistrationFactory(session=session, status=Registration.Status.WAITLISTED)
        second = RegistrationFactory(session=session, status=Registration.Status.WAITLISTED)
        assert (first.waitlist_position(), second.waitlist_position()) == (1, 2)
