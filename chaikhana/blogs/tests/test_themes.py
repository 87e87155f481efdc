import pytest
from django.core.exceptions import ValidationError

from chaikhana.blogs import stylesheets
from chaikhana.blogs.models import Blog
from chaikhana.blogs.themes import THEMES, look_of, validate_accent
from chaikhana.core import colours


class AccentTests:
    def test_dark_accent_is_accepted_on_a_light_theme(self):
        assert validate_accent(" #8A3B12 ", THEMES["text"]) == "#8a3b12"

    def test_pale_accent_is_refused_with_its_contrast_when_text_would_not_read(self):
        with pytest.raises(ValidationError) as refused:
            validate_accent("#ffee88", THEMES["magazine"])
        assert "contrast" in refused.value.messages[0]
        assert "darker" in refused.value.messages[0]

    def test_dark_accent_is_refused_on_the_dark_photo_theme(self):
        with pytest.raises(ValidationError) as refused:
            validate_accent("#222266", THEMES["photo"])
        assert "lighter" in refused.value.messages[0]

    def test_colour_that_is_not_six_hex_digits_is_refused(self):
        with pytest.raises(ValidationError):
            validate_accent("red", THEMES["text"])

    def test_dark_mode_gets_a_lighter_twin_that_still_reads(self):
        look = look_of(Blog(theme="text", accent_color="#1d3b8a"))
        twin = look.accent_css.split("--accent:")[2][:7]
        assert colours.contrast(twin, THEMES["text"].dark_background) >= colours.MIN_CONTRAST


class LookTests:
    def test_accent_that_does_not_read_on_the_previewed_theme_gives_way_to_its_own(self):
        blog = Blog(theme="photo", accent_color="#ffee88")  # chosen for the dark photo theme
        assert "#ffee88" in look_of(blog).accent_css
        assert look_of(blog, THEMES["magazine"]).accent_css == ""

    def test_owner_options_override_the_theme_defaults(self):
        look = look_of(Blog(theme="photo", layout_width="narrow", list_layout="list"))
        assert look.body_class == "theme-photo layout-narrow posts-list"
        assert look.shows_covers  # a photo blog shows its pictures even as a list

    def test_text_theme_shows_covers_only_as_a_grid(self):
        assert not look_of(Blog(theme="text")).shows_covers
        assert look_of(Blog(theme="text", list_layout="grid")).shows_covers

    def test_removed_theme_falls_back_to_the_journal(self):
        assert look_of(Blog(theme="gone")).key == "text"


class StylesheetTests:
    def test_every_theme_has_a_bundle_that_is_up_to_date(self):
        for key in THEMES:
            path = stylesheets.BUNDLES / f"{key}.css"
            assert path.read_text(encoding="utf-8") == stylesheets.bundle(key), (
                f"{path.name} is out of date: run bin/build_css"
            )

    def test_a_blog_carries_only_its_own_themes_rules(self):
        css = stylesheets.bundle("notebook")
        assert ".theme-notebook" in css and ".theme-photo" not in css
