"""Reading Link headers (RFC 8288) for Webmention discovery."""

import pytest

from chaikhana.linkbacks.discovery import link_header


class LinkHeaderTests:
    @pytest.mark.parametrize(
        ("header", "links"),
        [
            ("</a>; rel=webmention", [("/a", ["webmention"])]),
            (
                '<https://x.example/a>; rel="Webmention other"',
                [("https://x.example/a", ["webmention", "other"])],
            ),
            ("<a>;rel=webmention;rel=other", [("a", ["webmention"])]),  # §3.3: the first rel
            ("<a>; Rel = webmention", [("a", ["webmention"])]),
            ("<u>", [("u", [])]),
            ("not a link", []),
        ],
    )
    def test_reads_url_and_rels_when_the_header_is_written_any_legal_way(self, header, links):
        assert list(link_header(header)) == links

    def test_reads_each_link_in_order_when_one_header_has_several(self):
        header = '<https://x.example/e>; rel="other", <https://x.example/w>; rel="webmention"'
        assert [url for url, _ in link_header(header)] == [
            "https://x.example/e",
            "https://x.example/w",
        ]

    def test_comma_inside_a_quoted_value_does_not_start_a_link(self):
        header = '<a>; title="x, <b>; rel=webmention"; rel=other'
        assert list(link_header(header)) == [("a", ["other"])]
