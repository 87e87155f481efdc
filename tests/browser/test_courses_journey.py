"""The school's journey: staff open a two-seat session, three students register, the third
waits, one cancels, the third is offered the seat by mail and takes it, the tutor takes
attendance, and the certificate it earns is checked at its public address by a stranger.

The live server runs in this process, so the mail the school sends lands in
django.core.mail.outbox. People sign in by a session cookie (the login form has its own
journey); everything after that is done through the pages, with role and label locators.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from playwright.sync_api import Page, expect

from chaikhana.core.testing.factories import UserFactory
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.courses.models import Session
from tests.browser.checks import HtmlPages, assert_accessible

pytestmark = pytest.mark.browser

COURSE = "Этика медиа для НКО"


def label(text: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(text)}:?$")


def check_page(page: Page, html_pages: HtmlPages, name: str) -> None:
    assert_accessible(page, name)
    html_pages.capture(page, name)


def sign_in_as(page: Page, user) -> None:
    """Swap the browser's session cookie for one of *user*'s."""
    client = Client()
    if user.is_staff:  # the school's staff pages need a second factor: as after a right code
        log_in_verified(client, user)
    else:
        client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.clear_cookies()
    host = urlsplit(page.url).hostname  # every journey step starts on a live-server page
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "domain": host, "path": "/"}]
    )


def create_course_and_session(page: Page, html_pages: HtmlPages, tutor_name: str) -> str:
    page.goto("/courses/manage/")
    check_page(page, html_pages, "manage courses")
    page.get_by_role("link", name="New course").click()
    form = page.get_by_role("main")
    form.get_by_label(label("Title")).fill(COURSE)
    form.get_by_label(label("Address")).fill("etika-media")
    form.get_by_label(label("Topic")).select_option("ethics")
    form.get_by_label(label("Language"), exact=False).first.select_option("ru")
    form.get_by_label(tutor_name).check()
    form.get_by_label(label("Published")).check()
    form.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(COURSE)
    page.goto("/courses/manage/")
    page.get_by_role("link", name="new session").first.click()
    form = page.get_by_role("main")
    form.get_by_label(label("Starts at")).fill("2031-03-05T10:00")
    form.get_by_label(label("Ends at")).fill("2031-03-05T12:00")
    form.get_by_label(label("Place")).fill("Бишкек, Чуй 1")
    form.get_by_label(label("Capacity")).fill("2")
    form.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Edit session")
    session = Session.objects.get(course__slug="etika-media")
    return f"/courses/sessions/{session.pk}/"


def register(page: Page, session_url: str) -> None:
    page.goto(session_url)
    page.get_by_role("main").get_by_role("button", name="Register").click()


def test_courses_journey(page: Page, html_pages: HtmlPages) -> None:
    staff = UserFactory(is_staff=True, display_name="Школа")
    tutor = UserFactory(display_name="Бермет")
    students = [
        UserFactory(display_name=name, email=f"{slug}@example.org")
        for name, slug in (("Айгуль", "aigul"), ("Нурбек", "nurbek"), ("Жыпар", "zhypar"))
    ]
    page.goto("/courses/")
    check_page(page, html_pages, "catalogue (guest)")

    sign_in_as(page, staff)
    session_url = create_course_and_session(page, html_pages, "Бермет")

    for student in students[:2]:
        sign_in_as(page, student)
        register(page, session_url)
        expect(page.get_by_role("main")).to_contain_text("Confirmed")
    sign_in_as(page, students[2])
    register(page, session_url)
    expect(page.get_by_role("main")).to_contain_text("number 1 on the waitlist")
    check_page(page, html_pages, "registration (waitlisted)")

    mail.outbox.clear()
    sign_in_as(page, students[0])
    page.goto("/courses/mine/")
    page.get_by_role("link", name=re.compile(COURSE)).click()
    page.get_by_role("button", name="Cancel my registration").click()
    expect(page.get_by_role("main")).to_contain_text("Cancelled")

    [offer] = [m for m in mail.outbox if m.to == ["zhypar@example.org"]]
    assert "A seat is free for you" in offer.subject
    link = re.search(r"https?://\S+/courses/registrations/\S+/", offer.body)
    assert link, offer.body
    sign_in_as(page, students[2])
    page.goto(urlsplit(link.group(0)).path)
    check_page(page, html_pages, "registration (seat offered)")
    page.get_by_role("button", name="Confirm my seat").click()
    expect(page.get_by_role("main")).to_contain_text("Confirmed")

    # The day comes: the session took place this morning.
    moved = Session.objects.get(course__slug="etika-media")
    Session.objects.filter(pk=moved.pk).update(
        starts_at=moved.starts_at.replace(year=2020), ends_at=moved.ends_at.replace(year=2020)
    )

    sign_in_as(page, tutor)
    page.goto("/courses/manage/teaching/")
    check_page(page, html_pages, "teaching dashboard")
    page.get_by_role("link", name=f"Roster and attendance: {COURSE}").click()
    check_page(page, html_pages, "roster")
    roster = page.get_by_role("main")
    expect(roster.get_by_label("Айгуль attended")).to_have_count(0)  # she cancelled
    roster.get_by_label("Нурбек attended").check()
    roster.get_by_label("Жыпар attended").check()
    roster.get_by_label("Private note on Жыпар").fill("Пришла с диктофоном")
    roster.get_by_role("button", name="Save attendance and notes").click()
    expect(page.get_by_text("Certificate issued to Жыпар")).to_be_visible()
    expect(roster.get_by_label("Private note on Жыпар")).to_have_value("Пришла с диктофоном")

    page.goto("/courses/manage/teaching/")
    page.get_by_role("link", name=f"Certificates: {COURSE}").click()
    check_page(page, html_pages, "course certificates")
    code = page.get_by_role("row", name=re.compile("Жыпар")).get_by_role("link").inner_text()

    sign_in_as(page, staff)
    page.goto("/courses/manage/reports/")
    check_page(page, html_pages, "reports")

    page.context.clear_cookies()
    page.goto(f"/courses/certificates/{code.lower()}/")
    main = page.get_by_role("main")
    expect(main).to_contain_text("Valid")
    expect(main).to_contain_text("Жыпар")
    expect(main).to_contain_text(COURSE)
    expect(main).to_contain_text("Бермет")
    check_page(page, html_pages, "certificate (public check)")
    html_pages.assert_valid()
