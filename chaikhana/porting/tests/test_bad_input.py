# ruff: noqa: E501  (XML fixtures read better on one line)
"""Files we refuse (with a clear message, nothing imported) and awkward ones we import."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from chaikhana.blogs.models import Blog, Post
from chaikhana.comments.models import Comment
from chaikhana.porting.tests.conftest import CORPORA, item, wxr

BOMB = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<rss><channel><title>&b;</title></channel></rss>"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><title>&x;</title></channel></rss>"""


def write(tmp_path, text, encoding="utf-8"):
    path = tmp_path / "export.xml"
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


class RefusedFileTests:
    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (BOMB, "entities"),
            (EXTERNAL, "entities"),
            ("just some text", "not well-formed"),
            ("<html><body>hi</body></html>", "not a WordPress export"),
            (wxr(item(1) + item(2))[:-300], "not well-formed"),  # truncated
            (
                wxr(item(1, content="Привет")).replace("UTF-8", "UTF-8").encode("cp1251"),
                "not well-formed",
            ),
        ],
        ids=["entity-bomb", "external-entity", "not-xml", "not-wxr", "truncated", "wrong-encoding"],
    )
    def test_command_exits_non_zero_with_a_message_and_imports_nothing(
        self, db, tmp_path, content, message
    ):
        path = write(tmp_path, content)
        with pytest.raises(CommandError, match=message):
            call_command("import_wxr", str(path), "--blog", "bad", stdout=io.StringIO())
        assert not Blog.objects.filter(name="bad").exists()
        assert Post.objects.count() == 0

    def test_malformed_corpus_file_is_refused(self, db):
        with pytest.raises(CommandError, match="not well-formed"):
            call_command("import_wxr", str(CORPORA / "malformed-simple.xml"), "--blog", "bad")
        assert Post.objects.count() == 0

    def test_missing_file_is_refused(self, db, tmp_path):
        with pytest.raises(CommandError, match="cannot be read"):
            call_command("import_wxr", str(tmp_path / "none.xml"), "--blog", "bad")


class AwkwardFileTests:
    def test_windows_1251_declared_is_read(self, tmp_path, import_file):
        path = write(
            tmp_path, wxr(item(1, "Привет", name="privet"), encoding="windows-1251"), "cp1251"
        )
        import_file(path, blog_name="cp")
        post = Post.objects.get(blog__name="cp")
        assert (post.title, post.slug, post.language) == ("Привет", "privet", "ru")

    def test_missing_dates_publish_at_import_time_and_drafts_stay_undated(
        self, tmp_path, import_file
    ):
        items = item(1, "Published", date="", gmt="") + item(
            2, "Draft", status="draft", date="", gmt="0000-00-00 00:00:00"
        )
        report = import_file(write(tmp_path, wxr(items)), blog_name="dates")
        published, draft = Post.objects.get(slug="published"), Post.objects.get(slug="draft")
        assert published.status == Post.Status.PUBLISHED and published.published_at is not None
        assert draft.status == Post.Status.DRAFT and draft.published_at is None
        assert len(report.notes) == 1

    def test_draft_date_uses_the_offset_learned_from_other_items(self, tmp_path, import_file):
        items = item(1, "A") + item(
            2, "B", status="draft", date="2010-01-01 12:00:00", gmt="0000-00-00 00:00:00"
        )
        import_file(write(tmp_path, wxr(items)), blog_name="offset")
        # The file's items are local = gmt + 6 h: the draft's local noon is 06:00 UTC.
        assert Post.objects.get(slug="b").published_at.isoformat() == "2010-01-01T06:00:00+00:00"
        assert Post.objects.get(slug="a").published_at.isoformat() == "2009-10-22T08:05:00+00:00"

    def test_reply_whose_parent_is_missing_is_attached_top_level(self, tmp_path, import_file):
        comment = """<wp:comment><wp:comment_id>7</wp:comment_id><wp:comment_author>Bek</wp:comment_author>
        <wp:comment_date_gmt>2009-10-23 10:00:00</wp:comment_date_gmt><wp:comment_content>Reply</wp:comment_content>
        <wp:comment_approved>1</wp:comment_approved><wp:comment_parent>99</wp:comment_parent></wp:comment>"""
        import_file(write(tmp_path, wxr(item(1, extra=comment))), blog_name="comments")
        only = Comment.objects.get()
        assert (only.parent, only.depth, only.name, only.body_source) == (None, 0, "Bek", "Reply")
        assert only.created_at.isoformat() == "2009-10-23T10:00:00+00:00"

    def test_duplicate_slugs_are_numbered(self, tmp_path, import_file):
        items = (
            item(1, "Same", name="same")
            + item(2, "Same", name="same")
            + item(3, "Feed", name="feed")
        )
        import_file(write(tmp_path, wxr(items)), blog_name="slugs")
        assert sorted(Post.objects.values_list("slug", flat=True)) == ["feed-2", "same", "same-2"]

    def test_password_protected_is_never_public(self, tmp_path, import_file):
        protected = item(1).replace(
            "<wp:post_password></wp:post_password>", "<wp:post_password>x</wp:post_password>"
        )
        import_file(write(tmp_path, wxr(protected)), blog_name="protected")
        assert Post.objects.get().status == Post.Status.PRIVATE

    def test_a_broken_item_is_skipped_and_the_rest_imported(self, tmp_path, import_file):
        items = item(1, "Good") + item(2, "Odd", status="inherit") + item(3, "Also good")
        report = import_file(write(tmp_path, wxr(items)), blog_name="broken")
        assert Post.objects.count() == 2
        assert [(s.wp_id, s.reason) for s in report.skipped] == [
            (2, "Status “inherit” is not imported.")
        ]

    def test_a_batch_the_database_refuses_is_written_item_by_item(self, tmp_path, import_file):
        from chaikhana.porting.models import ImportedItem

        import_file(write(tmp_path, wxr(item(1, "First"))), blog_name="retry")
        blog = Blog.objects.get(name="retry")
        # A comment row the planner cannot foresee: the bulk INSERT of ImportedItem fails.
        ImportedItem.objects.create(blog=blog, kind="comment", key="5")
        comment = """<wp:comment><wp:comment_id>5</wp:comment_id><wp:comment_author>Bek</wp:comment_author>
        <wp:comment_content>Hi</wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment>"""
        items = item(2, "Good", name="good") + item(3, "Clash", extra=comment) + item(4, "Also")
        report = import_file(write(tmp_path, wxr(items)), blog_name="retry")
        assert sorted(Post.objects.values_list("title", flat=True)) == ["Also", "First", "Good"]
        assert (report.imported, report.comments) == (2, 0)
        assert [s.wp_id for s in report.skipped] == [3]
        assert not Comment.objects.exists()

    def test_ten_megabyte_file_streams(self, tmp_path, import_file):
        body = "Абзац текста. " * 700  # ~10 KB each
        items = "".join(
            item(i, f"Пост {i}", name=f"post-{i}", content=body) for i in range(1, 1001)
        )
        path = write(tmp_path, wxr(items))
        assert path.stat().st_size > 10_000_000
        report = import_file(path, blog_name="big")
        assert report.imported == Post.objects.count() == 1000
