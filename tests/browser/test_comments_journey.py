"""The comments journey: a guest comments on a post of a blog that holds first-time
commenters, sees it waiting, the owner approves it from the moderation queue, and a guest
then reads it on the post page. axe on every page visited, vnu on all of them at the end."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from chaikhana.core.testing.factories import BlogFactory, PostFactory, UserFactory
from tests.browser.checks import HtmlPages, assert_accessible

pytestmark = pytest.mark.browser

PASSWORD = "chai-i-lepeshki-2024"  # noqa: S105 - a throwaway test account
COMMENT = "У нас на Курманжан Датки тоже нет воды с понедельника."


def label(text: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(text)}:?$")


def check_page(page: Page, html_pages: HtmlPages, name: str) -> None:
    assert_accessible(page, name)
    html_pages.capture(page, name)


@pytest.fixture
def post(transactional_db):
    owner = UserFactory(username="aigul-osh")
    owner.set_password(PASSWORD)
    owner.save()
    blog = BlogFactory(owner=owner, name="vesti-osh", title="Вести Оша")
    return PostFactory(blog=blog, title="Вода в Оше", slug="voda")


def test_comments_journey(page: Page, html_pages: HtmlPages, post) -> None:
    post_url = post.get_absolute_url()
    # A guest on the (cached, after a first visit) post page writes a comment.
    page.goto(post_url)
    page.goto(post_url)
    check_page(page, html_pages, "post page with comment form")
    form = page.locator("#comment-form")
    form.get_by_label(label("Comment")).fill(COMMENT)
    form.get_by_label(label("Your name")).fill("Гульнара")
    page.wait_for_timeout(3200)  # a person takes longer than the spam engine's 3 s
    form.get_by_role("button", name="Post the comment").click()

    # Held: first-time commenters wait; she is told, and sees her own comment.
    expect(page.get_by_text("will appear once the blog approves it")).to_be_visible()
    expect(page.get_by_text(COMMENT)).to_be_visible()
    check_page(page, html_pages, "post page with her waiting comment")

    # Another guest does not see it yet.
    other = page.context.browser.new_context(base_url=page.url.split("/@")[0])
    stranger = other.new_page()
    stranger.goto(post_url)
    expect(stranger.get_by_text(COMMENT)).to_have_count(0)

    # The owner logs in and approves it from the moderation queue.
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_label(label("Username")).fill("aigul-osh")
    page.get_by_label(label("Password")).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    page.goto(f"/dashboard/@{post.blog.name}/comments/")
    expect(page.get_by_text(COMMENT)).to_be_visible()
    check_page(page, html_pages, "moderation queue")
    page.get_by_role("button", name="Approve").first.click()

    # A guest now reads it on the post page.
    stranger.goto(post_url)
    expect(stranger.get_by_text(COMMENT)).to_be_visible()
    other.close()

    html_pages.assert_valid()
