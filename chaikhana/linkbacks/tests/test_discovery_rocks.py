"""Webmention §3.1.2 discovery against all 23 webmention.rocks discovery tests, served locally.

Pages are rebuilt from ../shared/corpora/webmention/webmention-rocks-testdata.json
(headers, <link> in the head, the description as the h-entry's e-content), with the
site's absolute URLs pointed at the local server.
"""

import json

import pytest

from chaikhana.core.safehttp import fetch
from chaikhana.core.testing.corpora import CORPORA
from chaikhana.linkbacks.discovery import discover, webmention_endpoint

CORPUS = CORPORA / "webmention" / "webmention-rocks-testdata.json"
CASES = json.loads(CORPUS.read_text())["discovery"] if CORPUS.exists() else {}
ROCKS = "https://webmention.rocks/"


def page(case: dict, base: str) -> str:
    html = (
        f"<!doctype html><html><head><title>{case['name']}</title>{case['link_tag']}</head>"
        f'<body><div class="h-entry"><h1 class="p-name">{case["name"]}</h1>'
        f'<div class="e-content">{case["description"]}</div></div></body></html>'
    )
    return html.replace(ROCKS, base)


def serve(remote, number: str, case: dict) -> str:
    """Serve discovery test *number*; return the URL a sender is given as target."""
    base = remote.url("/")
    values = case["link_header"] if isinstance(case["link_header"], list) else [case["link_header"]]
    name = case.get("link_header_name", "Link")
    headers = [(name, value.replace(ROCKS, base)) for value in values if value]
    if number == "23":  # the target redirects; the endpoint is relative to where it lands
        remote.route("/test/23/page", status=302, headers=[("Location", "page/ONE-TIME-KEY")])
        remote.html(
            "/test/23/page/ONE-TIME-KEY",
            '<link rel="webmention" href="webmention-endpoint/ONE-TIME-KEY">' + page(case, base),
        )
        return remote.url("/test/23/page")
    remote.html(f"/test/{number}", page(case, base), headers=headers)
    return remote.url(f"/test/{number}")


def expected(remote, number: str) -> str:
    special = {
        "15": "/test/15",  # an empty href is the page itself
        "21": "/test/21/webmention?query=yes",  # the query string is kept
        "23": "/test/23/page/webmention-endpoint/ONE-TIME-KEY",
    }
    return remote.url(special.get(number, f"/test/{number}/webmention"))


@pytest.mark.skipif(not CASES, reason="webmention.rocks corpus not present")
class WebmentionRocksDiscoveryTests:
    def test_corpus_has_all_23_cases(self):
        assert sorted(CASES, key=int) == [str(n) for n in range(1, 24)]

    @pytest.mark.parametrize("number", sorted(CASES, key=int))
    def test_finds_the_right_endpoint_when_page_is_rocks_case(self, remote, number):
        target = serve(remote, number, CASES[number])
        endpoint = webmention_endpoint(fetch(target))
        assert endpoint == expected(remote, number)
        assert not endpoint.endswith("/error")

    def test_fetches_redirecting_target_once_per_url_when_case_is_23(self, remote):
        target = serve(remote, "23", CASES["23"])
        discover(fetch(target))
        paths = [r.path for r in remote.requests]
        assert paths == ["/test/23/page", "/test/23/page/ONE-TIME-KEY"]
