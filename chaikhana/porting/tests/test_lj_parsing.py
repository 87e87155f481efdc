"""Tests of the LiveJournal readers and tag conversion (no database)."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest

from chaikhana.core.testing.corpora import CORPORA
from chaikhana.porting.livejournal import dates, markup
from chaikhana.porting.livejournal.parser import LjError, read_comments, read_entries

CORPUS = CORPORA / "livejournal"


def xml(text: str) -> io.BytesIO:
    return io.BytesIO(text.encode())


class LjEntryReaderTests:
    def test_reads_every_entry_with_its_fields_when_given_the_sample(self):
        entries = read_entries(str(CORPUS / "sample_posts.xml"))
        assert [e.jitemid for e in entries] == [457, 458, 459, 460]
        first = entries[0]
        assert first.ditemid == 116992
        assert first.subject == "First Post Title"
        assert first.event == "<p>This is the <b>first post</b> with HTML content.</p>"
        assert first.eventtime == first.logtime == "2023-01-15 14:30:00"
        assert first.security == "public"
        assert first.props == {"current_mood": "happy", "current_music": "Artist - Song Title"}
        assert [e.security for e in entries] == ["public", "private", "friends", "custom"]
        assert entries[3].allowmask == 42
        assert entries[1].subject == ""

    def test_reads_nothing_when_the_file_is_empty(self):
        assert read_entries(str(CORPUS / "sample_posts_empty.xml")) == []

    def test_reads_one_entry_when_the_file_has_one(self):
        (entry,) = read_entries(str(CORPUS / "sample_posts_single.xml"))
        assert (entry.jitemid, entry.ditemid, entry.subject) == (456, 116736, "Simple Post")

    def test_reads_tags_and_takes_itemid_as_the_entry_number_when_there_is_no_jitemid(self):
        (entry,) = read_entries(
            xml("<livejournal><entry><itemid>7</itemid><taglist>a, b c ,</taglist>"
                "<event>x</event></entry></livejournal>")
        )  # fmt: skip
        assert (entry.jitemid, entry.ditemid, entry.tags) == (7, None, ["a", "b c"])

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ('<!DOCTYPE l [<!ENTITY a "aa">]><livejournal>&a;</livejournal>', "refuse"),
            ("<livejournal><entry>", "not well-formed"),
            ("<rss><channel/></rss>", "not a LiveJournal export"),
            ("<livejournal><entry><subject>x</subject></entry></livejournal>", "neither"),
        ],
    )
    def test_refuses_with_a_clear_message_when_the_file_is_bad(self, text, message):
        with pytest.raises(LjError, match=message):
            read_entries(xml(text))


class LjCommentReaderTests:
    def test_merges_meta_and_bodies_when_given_both_livejournal_files(self):
        found = read_comments(
            [str(CORPUS / "sample_comment_meta.xml"), str(CORPUS / "sample_comments.xml")]
        )
        assert sorted(found.comments) == [100, 101, 102, 103]
        assert found.usermap == {
            123: "friend1",
            456: "friend2",
            789: "testuser",
            1001: "anonymous_coward",
        }
        first = found.comments[100]
        assert (first.jitemid, first.posterid, first.parentid, first.state) == (456, 123, 99, "A")
        assert first.subject == "Re: Post Title"
        assert first.body == "<p>This is a <b>comment</b> with HTML.</p>"
        assert first.date == "2023-01-15 15:45:00"
        assert found.comments[102].posterid is None

    def test_reads_the_dreamwidth_shape_with_its_wrappers(self):
        meta = xml(
            '<livejournal><comments><comment id="5" posterid="9" state="S"/></comments>'
            '<usermaps><usermap id="9" user="dw_friend"/></usermaps></livejournal>'
        )
        body = xml(
            '<livejournal><comments><comment id="5" jitemid="3" parentid="0">'
            "<body>hi</body><date>2010-02-03T04:05:06Z</date></comment></comments></livejournal>"
        )
        found = read_comments([meta, body])
        (comment,) = found.comments.values()
        assert (comment.id, comment.jitemid, comment.posterid, comment.parentid) == (5, 3, 9, 0)
        assert (comment.state, comment.body, comment.date) == ("S", "hi", "2010-02-03T04:05:06Z")
        assert found.usermap == {9: "dw_friend"}

    def test_reads_the_edge_cases_file(self):
        found = read_comments([str(CORPUS / "sample_comments_edge_cases.xml")])
        assert [c.state for c in found.comments.values()] == ["D", "A", "A"]
        assert found.comments[200].body == ""
        assert found.comments[201].subject == ""
        assert (found.comments[202].body, found.comments[202].posterid) == ("", None)

    def test_reads_nothing_when_the_comment_files_are_empty(self):
        found = read_comments(
            [
                str(CORPUS / "sample_comments_empty.xml"),
                str(CORPUS / "sample_comment_meta_empty.xml"),
            ]
        )
        assert (found.comments, found.usermap) == ({}, {})


class LjMarkupTests:
    def test_links_users_and_communities_to_their_journals(self):
        html = markup.convert(
            "<lj user=\"some_one\"> and <lj comm='ru_news'/> and "
            '<lj site="livejournal.com" user="x">',
            site="livejournal.com",
            preformatted=True,
        ).html
        assert html == (
            '<a href="https://some-one.livejournal.com/" class="lj-user">some_one</a> and '
            '<a href="https://ru-news.livejournal.com/" class="lj-comm">ru_news</a> and '
            '<a href="https://x.livejournal.com/" class="lj-user">x</a>'
        )

    def test_keeps_the_text_under_a_cut_and_makes_the_part_before_it_the_excerpt(self):
        converted = markup.convert(
            '<p>Before <b>the</b> cut.</p><lj-cut text="Read on">'
            "Hidden <i>part</i>.</lj-cut> After.",
            site="livejournal.com",
            preformatted=True,
        )
        assert converted.html == "<p>Before <b>the</b> cut.</p>Hidden <i>part</i>. After."
        assert (converted.excerpt, converted.cuts) == ("Before the cut.", 1)

    def test_has_no_excerpt_when_there_is_no_cut(self):
        assert markup.convert("<p>x</p>", site="livejournal.com", preformatted=True).excerpt == ""

    def test_keeps_an_embed_as_a_link_or_a_note(self):
        converted = markup.convert(
            '<lj-embed id="1"/> <lj-embed><iframe src="https://video.example/v/1"></iframe></lj-embed>',
            site="livejournal.com",
            preformatted=True,
        )
        assert converted.embeds == 2
        assert "not imported" in converted.html
        assert '<a href="https://video.example/v/1">https://video.example/v/1</a>' in converted.html
        assert "iframe" not in converted.html

    def test_turns_line_breaks_into_breaks_when_not_preformatted(self):
        html = markup.convert("one\ntwo\n\nthree", site="livejournal.com", preformatted=False).html
        assert html == "<p>one<br />\ntwo</p>\n<p>three</p>"


class LjDateTests:
    def test_learns_the_writers_offset_when_posted_live(self):
        when, offset = dates.entry_time("2023-01-15 20:30:00", "2023-01-15 14:29:41")
        assert offset == timedelta(hours=6)
        assert when == datetime(2023, 1, 15, 14, 30, tzinfo=UTC)

    def test_reads_a_backdated_entry_in_the_networks_zone(self, settings):
        settings.TIME_ZONE = "Asia/Bishkek"
        when, offset = dates.entry_time("2001-05-01 12:00:00", "2023-01-15 14:29:41")
        assert (when, offset) == (datetime(2001, 5, 1, 6, 0, tzinfo=UTC), None)

    def test_reads_comment_dates_in_both_spellings_as_utc(self):
        expected = datetime(2010, 2, 3, 4, 5, 6, tzinfo=UTC)
        assert dates.comment_time("2010-02-03T04:05:06Z") == expected
        assert dates.comment_time("2010-02-03 04:05:06") == expected
        assert dates.comment_time("") is None
