"""Every staff address in the project, collected from the URL resolver, refuses a password alone.

The permission matrix's "staff without a second factor" rows: a staff page is one under
/network/ or /courses/manage/, /metrics, or any view behind ``otp_required_for_staff``.
A staff session that has not given a code never gets the page, whatever it asks for: it is
sent to enrol (no authenticator yet) or to give a code; /metrics, for machines, says 403.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from chaikhana.accounts.twofactor.decorators import otp_required_for_staff
from chaikhana.core.testing.factories import UserFactory

pytestmark = pytest.mark.django_db

STAFF_PREFIXES = ("network/", "courses/manage/")
MACHINE_ONLY = {"metrics"}  # answers 403, never a page to enrol from
CONVERTER = re.compile(r"<(?:(\w+):)?\w+>")
# functools.wraps copies names, not code: the guard's inner function is known by its code.
GUARD = otp_required_for_staff(lambda request: None).__code__
OUTSIDE = {"REMOTE_ADDR": "203.0.113.9"}  # not the loopback /metrics lets in


def _routes(patterns: list[Any], prefix: str = "") -> Iterator[tuple[str, Callable[..., Any]]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _routes(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback


def _guarded(view: Callable[..., Any]) -> bool:
    """Whether ``otp_required_for_staff`` is somewhere in the view's decorator chain."""
    while view is not None:
        if getattr(view, "__code__", None) is GUARD:
            return True
        view = getattr(view, "__wrapped__", None)
    return False


def _address(route: str) -> str:
    # The guard answers before any lookup, so any well-formed value will do.
    return "/" + CONVERTER.sub(lambda m: "1" if m.group(1) == "int" else "x", route)


ALL = list(_routes(get_resolver().url_patterns))
STAFF = sorted(
    {
        route
        for route, view in ALL
        if route.startswith(STAFF_PREFIXES) or route in MACHINE_ONLY or _guarded(view)
    }
)


class StaffRouteListTests:
    def test_collects_the_known_staff_pages_when_walking_the_resolver(self):
        for route in ("network/", "network/reports/", "courses/manage/reports/", "metrics"):
            assert route in STAFF
        assert "courses/manage/sessions/<int:session_id>/roster.csv" in STAFF
        assert "courses/manage/courses/<int:course_id>/" in STAFF  # course editing

    def test_collects_the_portal_desk_pages_when_walking_the_resolver(self):
        # The desk sees private sources and unpublished stories: staff rights by another name.
        for route in ("portal/desk/", "portal/desk/front/", "portal/submissions/<int:pk>/"):
            assert route in STAFF

    @pytest.mark.parametrize(
        "route", [r for r in STAFF if r.startswith(STAFF_PREFIXES)], ids=lambda r: r
    )
    def test_staff_page_carries_the_guard_when_under_a_staff_prefix(self, route):
        views = [view for candidate, view in ALL if candidate == route]
        assert views and all(_guarded(view) for view in views)


class StaffWithoutSecondFactorTests:
    @pytest.mark.parametrize("method", ["get", "post"])
    @pytest.mark.parametrize("route", STAFF, ids=lambda r: r)
    def test_sent_to_enrol_when_staff_has_no_authenticator(self, client, route, method):
        client.force_login(UserFactory(is_staff=True))
        response = getattr(client, method)(_address(route), **OUTSIDE)
        if route in MACHINE_ONLY:
            assert response.status_code == 403
        else:
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("accounts:twofactor") + "?next=")

    @pytest.mark.parametrize("route", STAFF, ids=lambda r: r)
    def test_asked_for_code_when_authenticator_not_used_this_session(self, client, route):
        staff = UserFactory(is_staff=True)
        TOTPDevice.objects.create(user=staff, name="authenticator", confirmed=True)
        client.force_login(staff)
        response = client.post(_address(route), **OUTSIDE)
        if route in MACHINE_ONLY:
            assert response.status_code == 403
        else:
            assert response["Location"].startswith(reverse("accounts:twofactor_verify"))

    @pytest.mark.parametrize("route", STAFF, ids=lambda r: r)
    def test_superuser_never_gets_the_page_when_no_second_factor(self, client, route):
        client.force_login(UserFactory(is_superuser=True))
        response = client.get(_address(route), **OUTSIDE)
        assert response.status_code != 200
