"""What link previews and search engines read from a page's head (core/sharing.py)."""

import json
from datetime import UTC, datetime

from chaikhana.core.sharing import Share, ShareImage, json_ld


def _share(**fields):
    base = {"title": "Заголовок", "url": "/@osh/post/", "site_name": "Ош"}
    return Share(**(base | fields))


class JsonLdTests:
    def test_is_parseable_json_with_the_type_asked_for(self):
        published = datetime(2026, 5, 1, 12, 30, 15, 123456, tzinfo=UTC)
        share = _share(schema="BlogPosting", author="Ветер", published=published)
        data = json.loads(json_ld(share))
        assert data["@type"] == "BlogPosting"
        assert data["author"] == {"@type": "Person", "name": "Ветер"}
        assert data["datePublished"] == "2026-05-01T12:30:15Z"
        assert data["mainEntityOfPage"].endswith("/@osh/post/")

    def test_a_title_cannot_end_the_script_element_when_it_holds_markup(self):
        text = json_ld(_share(schema="NewsArticle", title="</script><script>alert(1)</script>"))
        assert "</script>" not in text and "<" not in text
        assert json.loads(text)["headline"] == "</script><script>alert(1)</script>"

    def test_image_address_is_absolute_when_the_image_is_on_this_site(self, settings):
        settings.SITE_URL = "https://chaikhana.example"
        share = _share(schema="BlogPosting", image=ShareImage("/cards/1/abc.png", 1200, 630))
        assert json.loads(json_ld(share))["image"] == "https://chaikhana.example/cards/1/abc.png"


class DescriptionTests:
    def test_long_summary_is_cut_to_200_characters_when_shared(self):
        share = _share(description="слово " * 100)
        assert len(share.short_description) == 200 and share.short_description.endswith("…")
