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
            "javascript:alert(1)",
            "JaVa\\73 cript:alert(1)",
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

    def test_refuses_text_over_20000_characters(self):
        with pytest.raises(ValidationError) as info:
            validate_custom_css("a{}" + " " * 20_000)
        assert "20,000" in info.value.messages[0]
