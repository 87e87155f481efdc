"""The custom-CSS gate: styles in, code, fonts and other sites' files out."""

import pytest
from django.core.exceptions import ValidationError

from chaikhana.blogs.customcss import validate_custom_css


class ValidateCustomCssTests:
    @pytest.mark.parametrize(
        "css",
        [
            "body { color: #333; }",
            ".hero { background: url(img/sky.png); }",
            ".hero { background: url('/media/blog/sky.webp'); }",
            'blockquote::before { content: "\\201C"; }',
            '.note { content: "/* not a comment"; background: url("img/a.png?v=1)"); }',
            "@media (max-width: 40em) { .hero { background: image-set('a.png' 1x, 'b.png' 2x); } }",
            ".behavior:hover { color: red; }",
            "",
        ],
    )
    def test_accepts_plain_styles_and_same_site_paths(self, css):
        assert validate_custom_css(css) == css

    @pytest.mark.parametrize(
        ("css", "words"),
        [
            ('@import "https://evil.example/x.css";', "@import"),
            ("@IMPORT url(x.css);", "@import"),
            ("@imp\\6Frt 'x.css';", "@import"),
            ("@font-face { font-family: x; src: url(/f.woff2); }", "fonts"),
            ("p { width: expression(alert(1)); }", "expression"),
            ("p { behavior: url(x.htc); }", "behavior"),
            ("p { -moz-binding: url(x.xml#x); }", "-moz-binding"),
            ("p { color: red } </style><script>alert(1)</script>", "<"),
        ],
    )
    def test_refuses_dangerous_constructs_when_present(self, css, words):
        with pytest.raises(ValidationError) as info:
            validate_custom_css(css)
        assert words in info.value.messages[0]

    @pytest.mark.parametrize(
        "url",
        [
            "http://tracker.example/p.gif",
            "https://tracker.example/p.gif",
            "//tracker.example/p.gif",
            "data:image/png;base64,AAAA",
            "'javascript:alert(1)'",
            "'JaVa\\73 cript:alert(1)'",
            "'  https://tracker.example/p.gif'",
        ],
    )
    def test_refuses_urls_of_other_sites_when_used(self, url):
        with pytest.raises(ValidationError) as info:
            validate_custom_css(f"body {{ background: url({url}); }}")
        assert "files of this site" in info.value.messages[0]

    def test_refuses_image_set_pointing_elsewhere(self):
        with pytest.raises(ValidationError):
            validate_custom_css('a { background: image-set("https://x.example/a.png" 1x); }')

    @pytest.mark.parametrize(
        "css",
        [
            # A ")" inside the quoted address ended the old check's idea of the url().
            'a { background: url("https://evil.example/t.png?)"); }',
            # An unclosed "/*" inside a url swallowed the rest of the text as a comment.
            "a { background: url(/x/*); } b { background: url(https://evil.example/t.png); }",
            'a { background: image-set("https://evil.example/t.png?)" 1x); }',
            'a { background: -webkit-image-set(url("https://evil.example/t.png") 1x); }',
            "a { background: image('https://evil.example/t.png'); }",
            "a { background: src('https://evil.example/t.png'); }",
            "@media print { @supports (display: grid) { a { background: url(//evil.example/) } } }",
            "a { background: u\\72l(https://evil.example/t.png); }",
            "a { background: cross-fade(url(a.png), 'https://evil.example/t.png' 50%); }",
        ],
    )
    def test_refuses_outside_addresses_hidden_in_quotes_comments_or_nesting(self, css):
        with pytest.raises(ValidationError) as info:
            validate_custom_css(css)
        assert "evil.example" in info.value.messages[0]

    def test_error_names_the_line_when_the_css_has_many(self):
        css = (
            "body { color: #333; }\n\n.hero {\n  background: url('https://evil.example/t.png');\n}"
        )
        with pytest.raises(ValidationError) as info:
            validate_custom_css(css)
        assert "line 4" in info.value.messages[0]

    @pytest.mark.parametrize(
        "css",
        [
            "a { background: url(img/a.png",
            "a { background: url(a b) }",
            "a { background: url(javascript:alert(1)) }",
        ],
    )
    def test_refuses_broken_urls_when_present(self, css):
        with pytest.raises(ValidationError) as info:
            validate_custom_css(css)
        assert "cannot be read on line 1" in info.value.messages[0]

    def test_refuses_at_rules_nested_in_media_queries(self):
        with pytest.raises(ValidationError) as info:
            validate_custom_css("@media screen { @import 'x.css'; }")
        assert "@import" in info.value.messages[0]

    def test_refuses_text_over_20000_characters(self):
        with pytest.raises(ValidationError) as info:
            validate_custom_css("a{}" + " " * 20_000)
        assert "20,000" in info.value.messages[0]
