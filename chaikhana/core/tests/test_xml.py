"""Text made safe for the XML we write."""

from django.utils.feedgenerator import Enclosure

from chaikhana.core.xml import RssFeed, xml_safe


class XmlSafeTests:
    def test_forbidden_characters_go_when_in_strings_lists_and_dicts(self):
        value = {"title": "a\x0bb", "tags": ("c\x00", "d"), "nested": [{"x": "\x1fe"}]}
        assert xml_safe(value) == {"title": "ab", "tags": ["c", "d"], "nested": [{"x": "e"}]}

    def test_allowed_whitespace_and_other_values_stay_when_cleaned(self):
        enclosure = Enclosure("https://x.example/a.mp3", "1", "audio/mpeg")
        assert xml_safe("tab\tline\nreturn\r ✓") == "tab\tline\nreturn\r ✓"
        assert xml_safe(7) == 7 and xml_safe([enclosure]) == [enclosure]

    def test_feed_writes_when_every_field_carries_a_control_character(self):
        feed = RssFeed(title="T\x0b", link="https://x.example/", description="D\x0c")
        feed.add_item(title="I\x07", link="https://x.example/1", description="B\x0b")
        assert "\x0b" not in feed.writeString("utf-8")
