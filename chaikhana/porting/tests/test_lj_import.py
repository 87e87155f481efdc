"""Tests of the LiveJournal import: the corpus's entries and comments into a blog."""

from __future__ import annotations

from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from chaikhana.blogs.models import Post
from chaikhana.comments.models import Comment
from chaikhana.core.testing.corpora import CORPORA
from chaikhana.core.testing.factories import UserFactory
from chaikhana.porting.livejournal.importer import import_lj
from chaikhana.porting.models import ImportedItem

CORPUS = CORPORA / "livejournal"
POSTS, SINGLE = str(CORPUS / "sample_posts.xml"), str(CORPUS / "sample_posts_single.xml")
META, BODIES = str(CORPUS / "sample_comment_meta.xml"), str(CORPUS / "sample_comments.xml")
EDGES = str(CORPUS / "sample_comments_edge_cases.xml")


def imported_post(blog, jitemid):
    return ImportedItem.objects.get(blog=blog, kind="post", key=f"lj:{jitemid}")


def imported_comment(blog, comment_id) -> Comment:
    row = ImportedItem.objects.get(blog=blog, kind="comment", key=f"lj:c{comment_id}")
    return Comment.objects.get(pk=row.object_id)


@pytest.mark.django_db
class LjEntryImportTests:
    def test_imports_every_entry_with_security_mapped_when_given_the_sample(self, blog, user):
        report = import_lj(entries=POSTS, comments=[], blog=blog, owner=user)
        assert (report.entries, report.imported, report.skipped) == (4, 4, [])
        assert dict(report.security) == {"public": 1, "private": 1, "friends": 1, "custom": 1}
        statuses = {j: imported_post(blog, j).post.status for j in (457, 458, 459, 460)}
        assert statuses == {457: "published", 458: "private", 459: "private", 460: "private"}
        assert Post.objects.for_blog(blog).count() == 4

    def test_keeps_every_field_of_an_entry_when_imported(self, blog, user):
        import_lj(entries=POSTS, comments=[], blog=blog, owner=user)
        row = imported_post(blog, 457)
        post = row.post
        assert post.title == "First Post Title"
        assert post.slug == "first-post-title"
        assert post.body_format == "html"
        assert post.body_html == "<p>This is the <b>first post</b> with HTML content.</p>"
        assert post.published_at == datetime(2023, 1, 15, 14, 30, tzinfo=UTC)
        assert post.author.user == user
        assert post.byline == post.author.pen_name
        assert post.language == "en"
        assert row.old_path == "116992.html"
        assert row.data["props"] == {
            "current_mood": "happy",
            "current_music": "Artist - Song Title",
        }
        assert (row.data["security"], row.data["allowmask"], row.data["ditemid"]) == (
            "public",
            0,
            116992,
        )
        assert row.data["utc_offset_minutes"] == 0

    def test_titles_a_subjectless_entry_by_its_first_words(self, blog, user):
        import_lj(entries=POSTS, comments=[], blog=blog, owner=user)
        post = imported_post(blog, 458).post
        assert post.title == "Post without a subject, but with content."
        assert post.slug == "entry-117248"

    def test_changes_nothing_when_run_twice(self, blog, user):
        import_lj(entries=POSTS, comments=[META, BODIES], blog=blog, owner=user)
        import_lj(entries=SINGLE, comments=[META, BODIES], blog=blog, owner=user)
        again = import_lj(entries=SINGLE, comments=[META, BODIES], blog=blog, owner=user)
        assert (again.imported, again.changed, again.unchanged) == (0, 0, 1)
        assert (again.comments, again.comments_known) == (0, 3)
        assert Post.objects.for_blog(blog).count() == 5
        assert Comment.objects.filter(blog=blog).count() == 3

    def test_updates_the_post_when_the_entry_changed(self, blog, user, tmp_path):
        import_lj(entries=SINGLE, comments=[], blog=blog, owner=user)
        changed = tmp_path / "e.xml"
        changed.write_text(Path(SINGLE).read_text().replace("Simple content.", "Edited."))
        report = import_lj(entries=str(changed), comments=[], blog=blog, owner=user)
        assert (report.changed, Post.objects.for_blog(blog).count()) == (1, 1)
        assert imported_post(blog, 456).post.body_html == "<p>Edited.</p>"

    def test_imports_cuts_tags_and_user_links_through_the_sanitiser(self, blog, user, tmp_path):
        path = tmp_path / "e.xml"
        path.write_text(
            "<livejournal><entry><itemid>1</itemid><subject>Кыргызча</subject>"
            "<eventtime>2023-03-01 18:00:00</eventtime><logtime>2023-03-01 12:00:00</logtime>"
            "<taglist>news, бишкек</taglist><opt_preformatted>1</opt_preformatted><event>"
            '<![CDATA[<p>Hi <lj user="a_b"></p><lj-cut>More<script>x()</script></lj-cut>]]>'
            "</event></entry></livejournal>"
        )
        import_lj(entries=str(path), comments=[], blog=blog, owner=user)
        post = imported_post(blog, 1).post
        assert post.body_html == (
            '<p>Hi <a href="https://a-b.livejournal.com/" class="lj-user" '
            'rel="noopener nofollow ugc">'
            "a_b</a></p>More"
        )  # the text under the cut is kept; the script is not
        assert post.excerpt == "Hi a_b"
        assert sorted(post.tags.values_list("slug", flat=True)) == ["bishkek", "news"]
        assert post.published_at == datetime(2023, 3, 1, 12, 0, tzinfo=UTC)
        assert imported_post(blog, 1).data["utc_offset_minutes"] == 360

    def test_imports_nothing_when_the_file_is_empty(self, blog, user):
        report = import_lj(
            entries=str(CORPUS / "sample_posts_empty.xml"), comments=[], blog=blog, owner=user
        )
        assert (report.entries, report.imported, Post.objects.for_blog(blog).count()) == (0, 0, 0)


@pytest.mark.django_db
class LjCommentImportTests:
    def test_threads_comments_and_names_posters_when_given_the_samples(self, blog, user):
        report = import_lj(entries=SINGLE, comments=[META, BODIES], blog=blog, owner=user)
        assert (report.comments, report.comments_orphaned) == (3, 1)
        assert [s.key for s in report.skipped] == ["comment 102"]  # its entry 789 is elsewhere
        post = imported_post(blog, 456).post
        orphan, top, reply = (imported_comment(blog, i) for i in (100, 101, 103))
        assert (orphan.parent, orphan.depth) == (None, 0)
        assert (top.parent, reply.parent, reply.depth) == (None, orphan, 1)
        assert {c.post for c in (orphan, top, reply)} == {post}
        assert (orphan.name, orphan.website) == ("friend1", "https://friend1.livejournal.com/")
        assert top.name == "friend2"
        assert orphan.body_source == "This is a **comment** with HTML."
        assert orphan.status == Comment.Status.APPROVED
        assert orphan.created_at == datetime(2023, 1, 15, 15, 45, tzinfo=UTC)
        assert orphan.author is None
        row = ImportedItem.objects.get(blog=blog, key="lj:c100")
        assert (row.data["subject"], row.data["orphan"], row.data["parentid"]) == (
            "Re: Post Title",
            True,
            99,
        )

    def test_keeps_deleted_comments_in_trash_and_anonymous_ones_when_given_the_edge_cases(
        self, blog, user
    ):
        report = import_lj(entries=SINGLE, comments=[META, EDGES], blog=blog, owner=user)
        assert (report.comments, report.skipped) == (3, [])
        deleted, reply, anonymous = (imported_comment(blog, i) for i in (200, 201, 202))
        assert deleted.status == Comment.Status.TRASH
        assert deleted.body_source == "(This comment was deleted on LiveJournal.)"
        assert (reply.parent, reply.name, reply.status) == (deleted, "testuser", "approved")
        assert (anonymous.name, anonymous.website) == ("Anonymous", "")
        assert anonymous.body_source == "Anonymous with no body"

    def test_keeps_screened_comments_waiting_for_approval(self, blog, user, tmp_path):
        path = tmp_path / "c.xml"
        path.write_text(
            '<livejournal><comment id="1" jitemid="456" state="S">'
            "<body>psst</body></comment></livejournal>"
        )
        import_lj(entries=SINGLE, comments=[str(path)], blog=blog, owner=user)
        assert imported_comment(blog, 1).status == Comment.Status.PENDING


@pytest.mark.django_db
class ImportLjCommandTests:
    def test_creates_the_blog_and_prints_a_report(self):
        owner = UserFactory(username="aigul")
        out = StringIO()
        call_command(
            "import_lj", "--blog", "from-lj", "--owner", "aigul", SINGLE, META, BODIES, stdout=out
        )
        assert "1 imported" in out.getvalue()
        assert "comments 3 new" in out.getvalue()
        assert "skipped comment 102" in out.getvalue()
        post = Post.objects.get(blog__name="from-lj")
        assert post.author.user == owner

    def test_fails_with_a_clear_message_and_writes_nothing_when_a_file_is_bad(self, tmp_path):
        UserFactory(username="aigul")
        bad = tmp_path / "bad.xml"
        bad.write_text("<livejournal><comment id='1'>")
        with pytest.raises(CommandError, match="not well-formed"):
            call_command("import_lj", "--blog", "from-lj", "--owner", "aigul", SINGLE, str(bad))
        assert not Post.objects.filter(blog__name="from-lj").exists()

    def test_fails_when_a_new_blog_has_no_owner(self):
        with pytest.raises(CommandError, match="owner"):
            call_command("import_lj", "--blog", "nobody", SINGLE)
