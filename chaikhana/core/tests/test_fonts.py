"""The font title cards and icons are drawn with must have Cyrillic."""

from chaikhana.core import fonts


class FontCheckTests:
    def test_check_warns_when_no_font_with_cyrillic_is_installed(self, monkeypatch):
        monkeypatch.setattr(fonts, "BOLD_FONTS", ("/nonexistent/font.ttf",))
        fonts.bold_font_path.cache_clear()
        try:
            assert [w.id for w in fonts.check_cyrillic_font()] == ["core.W001"]
        finally:
            fonts.bold_font_path.cache_clear()
