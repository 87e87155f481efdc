"""The harness checks itself: the network fence, axe and vnu catch what they are meant to."""

from __future__ import annotations

import pytest

from tests.browser.checks import assert_accessible, axe_violations, vnu_errors
from tests.browser.conftest import new_fenced_context

pytestmark = pytest.mark.browser

BROKEN_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>broken</title></head>
<body><main><img src="/static/none.png"><form><input type="text"></form>
<p><div>a block inside a paragraph is fine, but this stray end tag is not</span></div></p>
</main></body></html>
"""
GOOD_PAGE = """<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>Вода в Оше</title></head>
<body><main><h1>Вода в Оше</h1><p>Всё в порядке.</p></main></body></html>
"""


def test_front_page_and_directory_are_accessible_and_valid(page, html_pages) -> None:
    for path, name in (("/", "portal home"), ("/blogs/", "blog directory")):
        response = page.goto(path)
        assert response is not None, path
        assert response.ok, f"{path} answered {response.status}"
        assert_accessible(page, name)
        html_pages.capture(page, name)
    html_pages.assert_valid()


def test_healthz_answers_in_the_browser(page) -> None:
    response = page.goto("/healthz")
    assert response is not None and response.status == 200
    assert response.json()["status"] == "ok"


def test_fence_blocks_other_hosts_and_sees_broken_assets(browser, live_server) -> None:
    # A context of its own, so the attempts it records do not fail this test.
    context, fence = new_fenced_context(browser, live_server.url)
    try:
        page = context.new_page()
        page.goto("/healthz")
        page.set_content(
            '<img src="https://cdn.example.com/pixel.gif" alt="">'
            '<link rel="stylesheet" href="https://fonts.example.org/font.css">'
            '<img src="/static/no-such-file.png" alt="missing">'
        )
        page.wait_for_load_state("load")
    finally:
        context.close()
    assert any("cdn.example.com" in attempt for attempt in fence.attempts), fence.attempts
    assert any("fonts.example.org" in attempt for attempt in fence.attempts), fence.attempts
    assert fence.allows(live_server.url + "/blogs/")
    assert any("no-such-file.png" in asset for asset in fence.broken_assets), fence.broken_assets


def test_checkers_report_errors(page) -> None:
    page.set_content(BROKEN_PAGE)
    rules = {violation["id"] for violation in axe_violations(page)}
    # The image without alt text and the unlabelled field are both critical for axe.
    assert {"image-alt", "label"} <= rules, rules
    with pytest.raises(pytest.fail.Exception, match="image-alt"):
        assert_accessible(page, "broken page")

    # Several documents in one run, each error attributed to its own document.
    errors = vnu_errors({"good page": GOOD_PAGE, "broken page": BROKEN_PAGE})
    assert not any(error.startswith("good page") for error in errors), errors
    assert any("broken page" in error and "alt" in error for error in errors), errors
    assert any("span" in error for error in errors), errors
