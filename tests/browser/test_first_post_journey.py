"""The first journey: a new writer signs up, opens a blog, publishes a Russian post, and a guest
reads it.

Only role and label locators are used, so the journey also proves the forms are labelled and the
buttons named. Every page type visited is checked with axe in the browser, and the HTML of all
of them is validated in one vnu run at the end.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.checks import HtmlPages, assert_accessible, save_screenshots
from tests.browser.conftest import new_fenced_context

pytestmark = pytest.mark.browser

USERNAME = "aigul-osh"
PASSWORD = "chai-i-lepeshki-2024"  # noqa: S105 - a throwaway test account
BLOG_ADDRESS = "vesti-osh"
BLOG_TITLE = "Вести Оша"
PEN_NAME = "Айгуль"
TITLE = "Вода в Оше: что известно"
BODY = """\
Третий день в нескольких районах Оша нет холодной воды. Мы собрали, что известно на утро.

## Где нет воды

- южные кварталы за Ак-Бууринским мостом;
- микрорайон Анар и часть улицы Курманжан Датки;
- несколько домов у Центрального рынка.

## Что говорят в водоканале

Ремонт магистральной трубы обещают закончить **к пятнице**. Пока машины с питьевой водой
приезжают к школам № 5 и № 12 с восьми утра.

Если у вас тоже нет воды, напишите в комментариях, с какого дня и на какой улице.
"""


def label(text: str) -> re.Pattern[str]:
    """A field's whole label, with or without the colon Django's label_suffix adds."""
    return re.compile(rf"^{re.escape(text)}:?$")


def check_page(page: Page, html_pages: HtmlPages, name: str) -> None:
    """axe on the page as rendered, and its server HTML kept for the final vnu run."""
    if getattr(page.context, "_no_script", False):
        html_pages.capture(page, name)  # axe runs as a script: with JavaScript off, vnu only
        return
    assert_accessible(page, name)
    html_pages.capture(page, name)


def sign_up(page: Page, html_pages: HtmlPages) -> None:
    page.goto("/accounts/signup/")
    check_page(page, html_pages, "sign-up form")
    form = page.get_by_role("main")
    form.get_by_label(label("Username")).fill(USERNAME)
    form.get_by_label(label("Password")).fill(PASSWORD)
    form.get_by_label(label("Password again")).fill(PASSWORD)
    form.get_by_role("button", name="Create my account").click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    check_page(page, html_pages, "dashboard")


def create_blog(page: Page, html_pages: HtmlPages) -> None:
    page.get_by_role("link", name="Create a blog").click()
    check_page(page, html_pages, "blog creation form")
    form = page.get_by_role("main")
    form.get_by_label(label("Address")).fill(BLOG_ADDRESS)
    form.get_by_label(label("Title")).fill(BLOG_TITLE)
    # Within <main>: the footer's language switcher is also labelled "Language".
    form.get_by_label(label("Language")).select_option("ru")
    form.get_by_label(label("Author name on this blog")).fill(PEN_NAME)
    form.get_by_role("button", name="Create the blog").click()
    expect(page).to_have_url(re.compile(rf"/dashboard/@{BLOG_ADDRESS}/$"))
    check_page(page, html_pages, "blog's posts in the dashboard")


def write_and_publish(page: Page, html_pages: HtmlPages, artifacts_dir: Path) -> None:
    page.get_by_role("link", name="New post", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New post")
    check_page(page, html_pages, "editor (new post)")
    form = page.get_by_role("main")
    form.get_by_label(label("Title")).fill(TITLE)
    form.get_by_label(label("Text")).fill(BODY)
    publish_from_editor(page, html_pages, artifacts_dir, "editor")


def publish_from_editor(
    page: Page, html_pages: HtmlPages, artifacts_dir: Path, screenshots: str
) -> None:
    """Status and language from the publish panel (beside the text at desktop width), Save."""
    form = page.get_by_role("main")
    form.get_by_label(label("Status")).select_option("published")
    form.get_by_label(label("Language")).select_option("ru")
    # The editor as a writer sees it, with her text in it, before the first save.
    save_screenshots(page, screenshots, artifacts_dir)
    form.get_by_role("button", name="Save", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/dashboard/@{BLOG_ADDRESS}/posts/\d+/$"))
    expect(form.get_by_label(label("Title"))).to_have_value(TITLE)
    check_page(page, html_pages, "editor (saved post)")


def expect_post_page(page: Page) -> None:
    article = page.get_by_role("main")
    expect(article.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(article.get_by_role("heading", level=2, name="Где нет воды")).to_be_visible()
    expect(article.get_by_role("listitem").filter(has_text="микрорайон Анар")).to_be_visible()
    expect(article.locator("strong", has_text="к пятнице")).to_be_visible()
    expect(article).to_contain_text(PEN_NAME)
    # The post is in Russian, whatever the interface language: screen readers need to know.
    assert page.locator("[lang|=ru]").filter(has_text="Третий день").count() >= 1


def expect_feeds_with_post(page: Page) -> None:
    """The page advertises its RSS and Atom feeds, and both already carry the post."""
    for feed_type in ("application/rss+xml", "application/atom+xml"):
        link = page.locator(f'head link[rel="alternate"][type="{feed_type}"]').first
        href = link.get_attribute("href")
        assert href, f"{page.url} links no {feed_type} feed"
        response = page.request.get(href)
        assert response.ok, f"{href} answered {response.status}"
        assert TITLE in response.text(), f"{href} lacks the new post"


def test_first_post_journey(page: Page, html_pages: HtmlPages, artifacts_dir: Path) -> None:
    sign_up(page, html_pages)
    create_blog(page, html_pages)
    write_and_publish(page, html_pages, artifacts_dir)

    # The post page, reached the way its author would: from the editor.
    page.get_by_role("link", name="View", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/@{BLOG_ADDRESS}/[a-z0-9-]+/$"))
    post_url = page.url
    expect_post_page(page)
    check_page(page, html_pages, "post page (author)")

    page.goto(f"/@{BLOG_ADDRESS}/")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    check_page(page, html_pages, "blog home")
    expect_feeds_with_post(page)

    page.goto("/blogs/")
    expect(page.get_by_role("link", name=BLOG_TITLE).first).to_be_visible()
    expect(page.get_by_role("link", name=TITLE).first).to_be_visible()
    check_page(page, html_pages, "blog directory")

    page.goto("/accounts/profile/")
    check_page(page, html_pages, "profile")

    # Log out from the header every page carries: a POST button (a link could be forged).
    page.get_by_role("navigation", name="Network").get_by_role("button", name="Log out").click()
    expect(page.get_by_role("link", name="Log in")).to_be_visible()

    # A guest reads the post: no dashboard link, same content.
    page.goto(post_url)
    expect(page.get_by_role("link", name="Dashboard")).to_have_count(0)
    expect_post_page(page)
    check_page(page, html_pages, "post page (guest)")
    save_screenshots(page, "post", artifacts_dir)

    page.goto(f"/@{BLOG_ADDRESS}/")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    page.get_by_role("link", name=TITLE).click()
    expect(page).to_have_url(post_url)

    page.goto("/")
    check_page(page, html_pages, "portal home (guest)")

    html_pages.assert_valid()


@pytest.fixture
def page_without_js(request: pytest.FixtureRequest, browser, live_server) -> Iterator[Page]:
    context, fence = new_fenced_context(browser, live_server.url, java_script_enabled=False)
    context.set_default_timeout(15_000)
    context._no_script = True  # read by check_page
    request.node._network_fence = fence  # checked by conftest's pytest_runtest_call
    yield context.new_page()
    context.close()


def test_first_post_journey_without_javascript(
    page_without_js: Page, html_pages: HtmlPages, artifacts_dir: Path
) -> None:
    """The same journey with JavaScript off: the editor's panel, preview and save still work."""
    page = page_without_js
    sign_up(page, html_pages)
    create_blog(page, html_pages)
    page.get_by_role("link", name="New post", exact=True).first.click()
    form = page.get_by_role("main")
    form.get_by_label(label("Title")).fill(TITLE)
    form.get_by_label(label("Text")).fill(BODY)
    form.get_by_role("button", name="Preview", exact=True).click()
    expect(form.get_by_role("region", name="Preview (not saved yet)")).to_contain_text("к пятнице")
    expect(form.get_by_label(label("Text"))).to_have_value(BODY)
    publish_from_editor(page, html_pages, artifacts_dir, "editor-without-js")
    page.get_by_role("link", name="View", exact=True).click()
    expect_post_page(page)
    html_pages.assert_valid()
