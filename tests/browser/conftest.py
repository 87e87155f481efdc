"""Fixtures for the browser journeys: Debian's Chromium through Playwright, against a live server.

Every test here is marked ``browser`` (``-m "not browser"`` leaves them out). Each test gets a
fresh browser context whose network is fenced to the live server: a request to any other host
is aborted and fails the test, because a reader's page must never touch a third party.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

# Playwright's sync API runs an asyncio loop in this thread; Django would otherwise refuse the
# ORM calls the tests and the live server make from it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from tests.browser.checks import DESKTOP, HtmlPages

CHROMIUM = Path("/usr/bin/chromium")
BROWSER_DIR = Path(__file__).resolve().parent
REPO_ROOT = BROWSER_DIR.parent.parent
ARTIFACTS = REPO_ROOT / "test-artifacts"

# Without these, headless Chromium phones home (updates, safe browsing, sync) and, on a machine
# with no internet, fills the log with refused connections.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Schemes that never leave the browser; everything else must go to the live server.
LOCAL_SCHEMES = {"data", "blob", "about"}
ASSET_TYPES = {"stylesheet", "script", "image", "font", "media", "manifest"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test under tests/browser ``browser`` before ``-m`` deselects anything."""
    for item in items:
        if BROWSER_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


class NetworkFence:
    """Aborts requests to hosts other than the live server's and remembers them.

    It also remembers the page's own assets (stylesheets, scripts, images) that answered with
    an error: a page whose stylesheet is missing still "passes" axe and vnu.
    """

    def __init__(self, allowed_origin: str) -> None:
        parts = urlsplit(allowed_origin)
        self.allowed = (parts.scheme, parts.hostname, parts.port)
        self.attempts: list[str] = []
        self.broken_assets: list[str] = []

    def allows(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in LOCAL_SCHEMES:
            return True
        return (parts.scheme, parts.hostname, parts.port) == self.allowed

    def handle(self, route, request) -> None:  # Playwright's Route and Request
        if self.allows(request.url):
            route.continue_()
        else:
            self.attempts.append(f"{request.method} {request.url} ({request.resource_type})")
            route.abort("blockedbyclient")

    def check_response(self, response) -> None:  # Playwright's Response
        # Documents, fetch and XHR are left to the tests: some answer 4xx on purpose.
        if response.status >= 400 and response.request.resource_type in ASSET_TYPES:
            self.broken_assets.append(f"{response.status} {response.url}")

    def problems(self) -> list[str]:
        # Each asset once: a missing stylesheet would otherwise be listed for every page.
        found = [f"other host: {attempt}" for attempt in self.attempts]
        found += [f"broken asset: {asset}" for asset in self.broken_assets]
        return list(dict.fromkeys(found))


def new_fenced_context(browser, origin: str, **options):
    """A browser context that may only talk to ``origin``; returns (context, fence)."""
    fence = NetworkFence(origin)
    context = browser.new_context(
        base_url=origin,
        viewport=DESKTOP,
        # axe is injected as a script tag; a strict Content-Security-Policy must not stop it.
        bypass_csp=True,
        # English UI, so the journeys' label and role locators name stable strings.
        locale="en-US",
        # Service workers' requests bypass page routes, which would make the fence leaky.
        service_workers="block",
        **options,
    )
    context.route("**/*", fence.handle)
    context.on("response", fence.check_response)
    return context, fence


@pytest.fixture(scope="session")
def _chromium_path() -> Path:
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing (install Debian's chromium: make browser-deps)"
        if os.environ.get("CI"):
            # make test installs the browser, so in CI its absence is a broken build.
            pytest.fail(reason)
        pytest.skip(reason)
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(_chromium_path: Path) -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(_chromium_path), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def context(request: pytest.FixtureRequest, browser, live_server) -> Iterator:
    context, fence = new_fenced_context(browser, live_server.url)
    context.set_default_timeout(15_000)
    # Read by pytest_runtest_call below, which fails the test on any third-party attempt.
    request.node._network_fence = fence
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def html_pages() -> HtmlPages:
    """Collects the HTML of every page a journey visits, to validate them in one vnu run."""
    return HtmlPages()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Fail the test itself (not its teardown) on third-party requests or broken assets."""
    result = yield
    fence: NetworkFence | None = getattr(item, "_network_fence", None)
    if fence is not None and fence.problems():
        listing = "\n  ".join(fence.problems())
        pytest.fail(f"the pages' network traffic went wrong:\n  {listing}")
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator:
    """On a failed browser test, keep a screenshot of where the page was."""
    report = yield
    if report.when != "call" or "page" not in getattr(item, "funcargs", {}):
        return report
    shot = ARTIFACTS / f"FAILED-{item.name}.png"
    if report.failed:
        try:
            ARTIFACTS.mkdir(exist_ok=True)
            item.funcargs["page"].screenshot(path=str(shot), full_page=True)
        except Exception:  # noqa: S110 - a missing screenshot must not hide the real failure
            pass
    else:
        # A stale screenshot of an old failure would mislead whoever opens the folder.
        shot.unlink(missing_ok=True)
    return report
