"""Page checkers for the browser journeys: axe-core in the page, the Nu HTML Checker beside it.

axe runs inside the live page (it needs layout and computed styles); vnu validates the HTML the
server sent. vnu is a JVM program that takes seconds to start, so a journey collects every
page's HTML in :class:`HtmlPages` and validates them all in one run at the end.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest

NODE_MODULES = Path(__file__).resolve().parent / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
FAILING_IMPACTS = {"serious", "critical"}
# A short-lived JVM: tiered compilation off and a serial collector start faster.
JAVA = ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"]


def _require(path: Path) -> Path:
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make browser-deps` (npm ci in tests/browser)")
    return path


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core on the page as it is now and return its serious and critical violations."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(_require(AXE_JS)))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in results["violations"] if v.get("impact") in FAILING_IMPACTS]


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']}")
        lines.append(f"    {violation['helpUrl']}")
        for node in violation["nodes"][:10]:
            target = " ".join(map(str, node["target"]))
            lines.append(f"    at {target}: {node.get('failureSummary', '').strip()}")
    return "\n".join(lines)


def assert_accessible(page: Any, name: str | None = None) -> None:
    """Fail on any axe-core violation of impact serious or critical on the current page."""
    # After a click the navigation may still be under way on a loaded machine (CI runs two
    # workers on two cores): axe must be injected into the new page, not the leaving one.
    page.wait_for_load_state("load")
    violations = axe_violations(page)
    if violations:
        where = name or page.url
        pytest.fail(f"accessibility violations on {where}:\n{format_violations(violations)}")


def _safe_filename(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-") or "page"


def vnu_errors(pages: dict[str, str]) -> list[str]:
    """Validate named HTML documents in a single vnu run; return its errors, one per line."""
    if not pages:
        return []
    with tempfile.TemporaryDirectory(prefix="vnu-") as tmp:
        files: dict[str, str] = {}
        for index, (name, html) in enumerate(pages.items()):
            path = Path(tmp) / f"{index:02d}-{_safe_filename(name)}.html"
            path.write_text(html, encoding="utf-8")
            files[path.name] = name
        # The command line is ours; only file names we generated go into it.
        completed = subprocess.run(  # noqa: S603
            [*JAVA, "-jar", str(_require(VNU_JAR)), "--format", "json", "--stdout"]
            + [str(Path(tmp) / filename) for filename in files],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
    try:
        messages = json.loads(completed.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu gave no JSON (exit {completed.returncode}):\n{completed.stderr[-2000:]}")
    errors = []
    for message in messages:
        # "non-document-error" means vnu could not read a file: as fatal as an HTML error.
        if message.get("type") not in {"error", "non-document-error"}:
            continue
        filename = message.get("url", "").rsplit("/", 1)[-1]
        where = files.get(filename, filename)
        line = message.get("lastLine", "?")
        extract = " ".join(message.get("extract", "").split())
        errors.append(f"{where}:{line}: {message.get('message')}  «{extract}»")
    return errors


def assert_valid_html(html: str, name: str) -> None:
    """Fail on any Nu HTML Checker error in one document (prefer HtmlPages for several)."""
    errors = vnu_errors({name: html})
    if errors:
        pytest.fail("HTML errors:\n" + "\n".join(errors))


class HtmlPages:
    """The HTML of the pages a journey visits, validated together by one vnu run."""

    def __init__(self) -> None:
        self.pages: dict[str, str] = {}

    def add(self, name: str, html: str) -> None:
        self.pages[name] = html

    def capture(self, page: Any, name: str) -> str:
        """Fetch the current URL again, as the page's own session, and keep the server's HTML.

        ``page.content()`` would serialise the parsed DOM, which hides parser-level errors and
        includes anything scripts (axe among them) added.
        """
        response = page.request.get(page.url)
        assert response.ok, f"{name}: GET {page.url} answered {response.status}"
        html = response.text()
        self.add(name, html)
        return html

    def assert_valid(self) -> None:
        errors = vnu_errors(self.pages)
        if errors:
            names = ", ".join(self.pages)
            pytest.fail(f"HTML errors (checked: {names}):\n" + "\n".join(errors))


PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


def save_screenshots(page: Any, name: str, directory: Path) -> list[Path]:
    """Full-page screenshots of the current page at a phone and a desktop width."""
    original = page.viewport_size
    saved = []
    try:
        for label, size in (("phone", PHONE), ("desktop", DESKTOP)):
            page.set_viewport_size(size)
            path = directory / f"{_safe_filename(name)}-{label}.png"
            page.screenshot(path=str(path), full_page=True)
            saved.append(path)
    finally:
        if original:
            page.set_viewport_size(original)
    return saved
