"""The Content-Security-Policy as Chromium enforces it: nothing of ours is refused.

The other journeys run with ``bypass_csp`` (axe is injected as a script tag); this one does
not, so a script, stylesheet or image the policy would block shows up as a violation here.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page, expect

from chaikhana.core.testing.factories import BlogFactory, PostFactory, UserFactory
from chaikhana.media.actions import upload_media
from chaikhana.media.tests.helpers import image_bytes, upload_file
from tests.browser.conftest import NetworkFence

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TABLE_AND_NOTE = "| City | People |\n|:--|--:|\n| Osh | 322 000 |\n\nA fact[^1].\n\n[^1]: A source."


@pytest.fixture
def enforcing_page(browser, live_server) -> Iterator[tuple[Page, list[str]]]:
    fence = NetworkFence(live_server.url)
    context = browser.new_context(base_url=live_server.url, locale="en-US")
    context.route("**/*", fence.handle)
    page = context.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    yield page, violations
    context.close()
    assert not fence.problems()


class ContentSecurityPolicyTests:
    def test_pages_work_under_the_policy_when_enforced(self, enforcing_page, live_server):
        page, violations = enforcing_page
        user = UserFactory()
        blog = BlogFactory(owner=user, custom_css=".post h1 { color: #2a6f97; }")
        photo = upload_media(
            blog=blog, by=user, uploaded_file=upload_file(image_bytes("JPEG"), "a.jpg")
        )
        post = PostFactory(blog=blog, body_source=f"![Osh]({photo.url})\n\n{TABLE_AND_NOTE}")
        page.goto(blog.get_absolute_url())
        page.goto(post.get_absolute_url())
        expect(page.get_by_role("img", name="Osh")).to_be_visible()
        # JSON-LD is data, not script: script-src 'none' neither runs nor reports it.
        assert page.locator('script[type="application/ld+json"]').count() == 1
        page.goto("/no-such-page/")  # the error pages use the same stylesheet and no script
        page.goto(f"/@{blog.name}/no-such-post/")
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
        )
        page.goto(reverse("writing:post_new", args=[blog.name]))
        expect(page.locator("#md-toolbar")).to_be_visible()  # editor.js ran
        page.goto(reverse("media:library", args=[blog.name]))
        assert violations == []
