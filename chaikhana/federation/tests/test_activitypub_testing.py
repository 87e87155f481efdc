"""The `activitypub-testing` suite (socialweb.coop's conformance tests, npm, run from
tests/federation) against a blog's actor on a live server: no test fails, and the server-to-
server requirements we implement pass. Its outbox-POST tests are client-to-server (C2S): we
take posts through the editor, Micropub and the JSON API instead, so they answer
`inapplicable` or `cantTell` (docs/activitypub-implementation-report.md keeps the table).

Needs Node and `npm ci` in tests/federation (skipped without them).
"""

from __future__ import annotations

import json
import shutil
import subprocess  # nosec B404: runs the suite's own CLI, arguments fixed
from pathlib import Path

import pytest

from chaikhana.core.testing.factories import BlogFactory, PostFactory

SUITE_DIR = Path(__file__).resolve().parents[3] / "tests" / "federation"
CLI = SUITE_DIR / "node_modules" / ".bin" / "activitypub-testing"
pytestmark = [
    pytest.mark.peer,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        shutil.which("node") is None or not CLI.exists(),
        reason="activitypub-testing needs Node and `npm ci` in tests/federation",
    ),
]

MUST_PASS = {
    "actor-must-serve-as2-object-to-get",
    "actor-objects-must-have-inbox-outbox-properties",
    "outbox-must-be-an-orderedcollection",
    "followers-collection-must-be-a-collection",
    "following-collection-must-be-a-collection",
}


def run_suite(actor: str) -> dict[str, str]:
    """Each test's slug and outcome, from the CLI's JSON lines."""
    finished = subprocess.run(  # nosec B603: our pinned CLI, a loopback URL
        [str(CLI), "test", "actor", actor],
        cwd=SUITE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = [json.loads(line) for line in finished.stdout.splitlines() if line.startswith("{")]
    return {line["test"]["slug"]: line["result"]["outcome"] for line in lines}


class ActivityPubTestingTests:
    def test_no_test_fails_and_the_actor_requirements_pass_for_a_blog(self, live_server, settings):
        settings.SITE_URL = live_server.url
        blog = BlogFactory()
        PostFactory.create_batch(2, blog=blog)
        outcomes = run_suite(f"{live_server.url}/ap/@{blog.name}")
        assert len(outcomes) >= 10, outcomes  # the suite ran
        assert not [slug for slug, outcome in outcomes.items() if outcome == "failed"], outcomes
        assert {slug for slug in MUST_PASS if outcomes.get(slug) == "passed"} == MUST_PASS
