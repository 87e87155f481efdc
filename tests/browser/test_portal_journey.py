"""The portal's journey: a blogger submits, the section editor returns it with a note, she
resubmits, the fact-checker checks the claim, the editor-in-chief publishes it as the lead, it is
on the front page and in the portal feed, and a correction shows at the foot of the story.

Role and label locators only; axe on the front page, a section page, the story and the desk;
vnu on every page visited.
"""

from __future__ import annotations

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from chaikhana.core.testing.factories import PASSWORD
from chaikhana.core.testing.twofactor import code_for, enrol
from chaikhana.portal.models import PortalRole, Submission
from chaikhana.portal.tests.factories import SectionFactory, blogger_post, staff
from tests.browser.checks import HtmlPages, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Вода в Оше: третий день без воды"
CLAIM = "Ремонт трубы закончат к пятнице"


def label(text: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(text)}:?$")


def check_page(page: Page, html_pages: HtmlPages, name: str) -> None:
    assert_accessible(page, name)
    html_pages.capture(page, name)


def log_in(page: Page, username: str) -> None:
    """The real login; the desk's people then give their authenticator's code."""
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_label(label("Username")).fill(username)
    page.get_by_label(label("Password")).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    device = TOTPDevice.objects.filter(user__username=username, confirmed=True).first()
    if device is None:
        return
    expect(page).to_have_url(re.compile(r"/accounts/2fa/verify/"))
    # Her app shows this time step's code again, even if she logged in a moment ago.
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    device.refresh_from_db()
    page.get_by_role("main").get_by_label(re.compile("code", re.I)).first.fill(code_for(device))
    page.get_by_role("main").get_by_role("button").first.click()


def move(page: Page, url: str, to: str, note: str = "") -> None:
    page.goto(url)
    if note:
        page.get_by_label(label("Note"), exact=True).fill(note)
    page.get_by_role("button", name=to, exact=True).click()
    expect(page.get_by_role("main")).to_contain_text(to)


def test_a_submission_becomes_the_lead_story_and_is_corrected(page: Page, html_pages):
    section = SectionFactory(name="Общество", slug="obshchestvo", community_stream=True)
    post = blogger_post(title=TITLE, body_source="Третий день нет воды. " + CLAIM + ".")
    blogger = post.author.user
    editor = staff(PortalRole.Role.SECTION_EDITOR, section, username="editor-osh")
    checker = staff(PortalRole.Role.FACT_CHECKER, username="checker")
    chief = staff(PortalRole.Role.EDITOR_IN_CHIEF, username="chief")
    for desk_member in (editor, checker, chief):  # the desk needs a second factor
        enrol(desk_member)

    # The blogger sends her post to the portal.
    log_in(page, blogger.username)
    page.goto("/portal/submit/")
    form = page.get_by_role("main")
    form.get_by_label(label("Your post")).select_option(str(post.pk))
    form.get_by_label(label("Section")).select_option(str(section.pk))
    form.get_by_label(label("Note to the editors")).fill("Я живу в этом районе.")
    form.get_by_role("button", name="Send to the editors").click()
    submission = Submission.objects.get(original=post)
    url = submission.get_absolute_url()
    expect(page).to_have_url(re.compile(re.escape(url) + "$"))

    # A guest sees it at once in the community stream, labelled.
    page.context.clear_cookies()
    page.goto("/portal/section/obshchestvo/")
    expect(page.get_by_text("Not yet verified").first).to_be_visible()
    check_page(page, html_pages, "section page")

    # The section editor takes it, then returns it with a note.
    log_in(page, editor.username)
    page.goto("/portal/desk/")
    check_page(page, html_pages, "desk")
    page.get_by_role("link", name=TITLE).click()
    move(page, url, "In review")
    move(page, url, "Returned to the author", note="Укажите источник про пятницу.")

    # She resubmits.
    log_in(page, blogger.username)
    move(page, url, "Submitted", note="Источник: объявление водоканала.")

    # Editor: review, then fact-check; the fact-checker checks the claim and the checklist.
    log_in(page, editor.username)
    move(page, url, "In review")
    move(page, url, "Fact-check")
    log_in(page, "checker")
    page.goto(url + "factcheck/")
    page.get_by_label(label("Claim to check")).fill(CLAIM)
    page.get_by_role("button", name="Add the claim").click()
    page.get_by_label(label("Verdict")).select_option("verified")
    page.get_by_label(label("Evidence")).fill("Объявление водоканала от понедельника.")
    page.get_by_role("button", name="Save the verdict").click()
    for item in ("Sources verified", "Image rights cleared", "Right of reply given"):
        page.get_by_label(item).check()
    page.get_by_label("No hate speech").check()
    page.get_by_role("button", name="Save the checklist").click()
    move(page, url, "Ready")

    # The editor-in-chief publishes it and makes it the lead.
    log_in(page, "chief")
    move(page, url, "Published")
    page.goto("/portal/desk/front/")
    page.get_by_role("button", name=f"Make lead: “{TITLE}”").click()
    expect(page.get_by_role("main")).to_contain_text(TITLE)

    # A guest finds it as the lead on the front page, in the feed, verified.
    page.context.clear_cookies()
    page.goto("/")
    lead = page.get_by_role("region", name="Lead story")
    expect(lead.get_by_role("link", name=TITLE)).to_be_visible()
    check_page(page, html_pages, "front page")
    feed = page.request.get("/portal/feed/")
    assert feed.ok and TITLE in feed.text()
    lead.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", name="Verified by the editors")).to_be_visible()
    expect(page.get_by_text(CLAIM).first).to_be_visible()
    story_url = page.url
    check_page(page, html_pages, "story page")

    # A correction: the editor proposes it, the chief approves, readers see it at the foot.
    log_in(page, editor.username)
    page.goto(url + "edit/")
    page.get_by_label(label("Kind of change (published stories)")).select_option("correction")
    page.get_by_label(label("Note for readers (published stories)")).fill(
        "Уточнено: ремонт закончат в субботу."
    )
    page.get_by_role("button", name="Propose the revision").click()
    log_in(page, "chief")
    page.goto("/portal/proposals/")
    page.get_by_role("button", name="Approve and publish the correction").click()
    page.context.clear_cookies()
    page.goto(story_url)
    corrections = page.get_by_role("region", name="Corrections and updates")
    expect(corrections).to_contain_text("ремонт закончат в субботу")

    html_pages.assert_valid()
