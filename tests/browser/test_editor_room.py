"""The editor's conveniences in Chromium, under the enforced Content-Security-Policy: live
preview, word count, autosave state, pasting a photo, Ctrl+S, focus mode."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page, expect

from chaikhana.blogs.models import Post
from chaikhana.core.testing.factories import BlogFactory, PostFactory, UserFactory
from chaikhana.media.models import MediaFile
from tests.browser.conftest import NetworkFence

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASTE_A_PHOTO = """async () => {
  const canvas = document.createElement("canvas"); canvas.width = 320; canvas.height = 200;
  canvas.getContext("2d").fillRect(0, 0, 160, 100);
  const blob = await new Promise((done) => canvas.toBlob(done, "image/png"));
  const data = new DataTransfer();
  data.items.add(new File([blob], "image.png", { type: "image/png" }));
  document.getElementById("id_body_source").dispatchEvent(
    new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
}"""


@pytest.fixture
def writer_page(browser, live_server) -> Iterator[tuple[Page, list[str], object]]:
    fence = NetworkFence(live_server.url)
    context = browser.new_context(
        base_url=live_server.url, locale="en-US", viewport={"width": 1280, "height": 800}
    )
    context.route("**/*", fence.handle)
    user = UserFactory()
    blog = BlogFactory(owner=user)
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )
    page = context.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.on("dialog", lambda dialog: dialog.accept("A street after the rain"))
    yield page, violations, blog
    context.close()
    assert not fence.problems()


def test_writing_room_previews_counts_autosaves_uploads_and_saves(writer_page) -> None:
    page, violations, blog = writer_page
    page.goto(reverse("writing:post_new", args=[blog.name]))
    expect(page.get_by_label("Status")).to_be_visible()  # the panel is open beside the text
    page.get_by_label("Title").fill("Water in Osh")
    text = page.get_by_label(re.compile("^Text"))
    text.fill("The third day without **cold water** in three districts.")
    expect(page.locator("#word-count")).to_have_text("9 words · 1 min read")

    page.keyboard.press("Control+Enter")
    preview = page.get_by_role("region", name="Preview (not saved yet)")
    expect(preview.locator("strong")).to_have_text("cold water")

    # Autosave runs every five seconds.
    expect(page.locator("#autosave-status")).to_have_text(
        re.compile(r"^Saved \d\d:\d\d$"), timeout=15_000
    )
    assert Post.objects.filter(blog=blog, status=Post.Status.DRAFT).count() == 1

    text.focus()
    page.keyboard.press("Control+End")
    page.evaluate(PASTE_A_PHOTO)
    expect(text).to_have_value(re.compile(r"!\[A street after the rain\]\(/media/[^)]+\.png\)"))
    assert MediaFile.objects.filter(blog=blog).count() == 1

    page.keyboard.press("Control+Shift+F")
    expect(page.locator("body")).to_have_class(re.compile("focus-mode"))
    expect(page.get_by_label("Status")).to_be_hidden()
    page.keyboard.press("Escape")
    expect(page.locator("body")).not_to_have_class(re.compile("focus-mode"))

    page.keyboard.press("Control+s")
    expect(page.get_by_role("status")).to_contain_text("Saved.")
    post = Post.objects.get(blog=blog)
    assert "![A street after the rain](/media/" in post.body_source
    assert violations == []


def test_browser_copy_survives_a_save_that_never_reached_the_server(writer_page) -> None:
    """A save that dies on the way (a killed worker, a dropped connection: tests/reliability
    drill 1) must not take the browser's copy with it; a save that lands lets it go."""
    page, violations, blog = writer_page
    post = PostFactory(blog=blog, title="Bazaar prices", body_source="Old text.")
    edit_url = reverse("writing:post_edit", args=[blog.name, post.pk])
    lost = lambda route: route.abort() if route.request.method == "POST" else route.fallback()  # noqa: E731
    page.route(f"**{edit_url}", lost)
    page.goto(edit_url)
    page.get_by_label(re.compile("^Text")).fill("New text written on the bus.")
    page.get_by_role("button", name="Save").first.click()
    page.unroute(f"**{edit_url}", lost)

    page.goto(edit_url)
    restore = page.get_by_role("button", name="Restore the browser’s copy")
    expect(restore).to_be_visible()
    restore.click()
    expect(page.get_by_label(re.compile("^Text"))).to_have_value("New text written on the bus.")
    page.keyboard.press("Control+s")
    expect(page.get_by_role("status")).to_contain_text("Saved.")
    page.goto(edit_url)
    expect(restore).to_be_hidden()
    key = f"chaikhana:draft:{blog.name}:{post.pk}"
    assert page.evaluate(f"window.localStorage.getItem({key!r})") is None
    assert violations == []
