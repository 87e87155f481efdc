"""wpautop(): input/output pairs from WordPress's behaviour (tests/formatting/autop.php)."""

import pytest

from chaikhana.porting.wxr.wpautop import shortcode_unautop, wpautop


class WpautopTests:
    @pytest.mark.parametrize(
        ("source", "expected"),
        [
            ("", ""),
            ("   \n  ", ""),
            ("a", "<p>a</p>\n"),
            ("a\n\nb", "<p>a</p>\n<p>b</p>\n"),
            ("a\nb", "<p>a<br />\nb</p>\n"),
            ("a\r\n\r\nb", "<p>a</p>\n<p>b</p>\n"),
            ("a<br><br>b", "<p>a</p>\n<p>b</p>\n"),
            ("<div>hi</div>\ntext", "<div>hi</div>\n<p>text</p>\n"),
            ("<blockquote>q\n\nr</blockquote>", "<blockquote><p>q</p>\n<p>r</p></blockquote>\n"),
            (
                "Line 1\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\nend",
                "<p>Line 1</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p>end</p>\n",
            ),
            ("<hr />text", "<hr />\n<p>text</p>\n"),
        ],
    )
    def test_paragraphs_and_breaks_match_wordpress(self, source, expected):
        assert wpautop(source) == expected

    def test_pre_keeps_its_line_breaks_and_gets_no_paragraphs(self):
        source = "before\n\n<pre>line 1\n\nline 2\nline 3</pre>\n\nafter"
        assert wpautop(source) == (
            "<p>before</p>\n<pre>line 1\n\nline 2\nline 3</pre>\n<p>after</p>\n"
        )

    def test_newlines_inside_a_tag_do_not_become_breaks(self):
        assert wpautop('<img src="x"\n alt="y">') == '<p><img src="x"\n alt="y"></p>\n'

    def test_script_keeps_its_newlines(self):
        assert wpautop("<script>a\nb</script>") == "<p><script>a\nb</script></p>\n"

    def test_input_elements_stay_inline(self):
        source = 'Username: <input type="text" name="u" /><br />Password: <input name="p" />'
        assert wpautop(source) == f"<p>{source}</p>\n"

    def test_shortcode_alone_on_its_line_is_unwrapped(self):
        html = wpautop('[gallery ids="1,2"]\n\ntext')
        assert shortcode_unautop(html, ["gallery"]) == '[gallery ids="1,2"]\n<p>text</p>\n'

    def test_shortcode_inside_a_sentence_stays_wrapped(self):
        html = wpautop("see [gallery] here")
        assert shortcode_unautop(html, ["gallery"]) == "<p>see [gallery] here</p>\n"
