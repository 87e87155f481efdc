"""The last seat under concurrency: many people at once, never more than the capacity."""

import threading

import pytest
from django.db import connection, connections

from chaikhana.core.testing.factories import UserFactory
from chaikhana.courses.actions import register
from chaikhana.courses.models import Registration
from chaikhana.courses.tests.factories import SessionFactory

CAPACITY, PEOPLE = 3, 12


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite lets one writer in at a time, so it cannot race; the lock matters on PostgreSQL",
)
class LastSeatTests:
    def test_parallel_registrations_never_exceed_capacity(self):
        session = SessionFactory(capacity=CAPACITY)
        users = [UserFactory() for _ in range(PEOPLE)]
        start, errors = threading.Barrier(PEOPLE), []

        def take_a_seat(user):
            try:
                start.wait()  # everyone asks at the same moment
                register(session=session, user=user)
            except Exception as error:  # reported by the assertion below
                errors.append(error)
            finally:
                connections.close_all()  # each thread had its own connection

        threads = [threading.Thread(target=take_a_seat, args=(u,)) for u in users]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        statuses = list(session.registrations.values_list("status", flat=True))
        assert errors == []
        assert statuses.count(Registration.Status.CONFIRMED) == CAPACITY
        assert statuses.count(Registration.Status.WAITLISTED) == PEOPLE - CAPACITY
