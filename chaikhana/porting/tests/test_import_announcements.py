"""What listeners hear of an import: one posts_imported per batch, never post_published.

An old post arriving must not ping the pages it linked to years ago nor be announced as new
(post_published drives linkbacks, federation and notifications); the page cache and the
search index learn of each batch through posts_imported.
"""

from pathlib import Path

import pytest

from chaikhana.blogs import signals
from chaikhana.blogs.models import Blog, Post
from chaikhana.core.testing.corpora import CORPORA
from chaikhana.porting.livejournal.importer import import_lj
from chaikhana.porting.tests.conftest import item, wxr
from chaikhana.porting.wxr import importer

SINGLE = CORPORA / "livejournal" / "sample_posts_single.xml"
POSTS = CORPORA / "livejournal" / "sample_posts.xml"


@pytest.fixture
def heard():
    """Every posts_imported and post_published sent, as (signal name, post ids)."""
    calls: list[tuple[str, list[int]]] = []

    def on_imported(sender, *, blog_id, post_ids, **kwargs):
        calls.append(("posts_imported", sorted(post_ids)))

    def on_published(sender, *, post_id, **kwargs):
        calls.append(("post_published", [post_id]))

    signals.posts_imported.connect(on_imported, dispatch_uid="test.imported")
    signals.post_published.connect(on_published, dispatch_uid="test.published")
    yield calls
    signals.posts_imported.disconnect(dispatch_uid="test.imported")
    signals.post_published.disconnect(dispatch_uid="test.published")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "export.xml"
    path.write_text(text)
    return path


def ids(blog_name: str) -> list[int]:
    return sorted(Post.objects.filter(blog__name=blog_name).values_list("pk", flat=True))


@pytest.mark.django_db
class WxrImportAnnouncementTests:
    def test_announces_each_batch_once_and_publishes_nothing_when_importing_new_posts(
        self, tmp_path, import_file, heard, django_capture_on_commit_callbacks, monkeypatch
    ):
        monkeypatch.setattr(importer, "BATCH", 2)
        items = item(1, "One") + item(2, "Two") + item(3, "Three")
        with django_capture_on_commit_callbacks(execute=True):
            import_file(write(tmp_path, wxr(items)), blog_name="batches")
        posts = ids("batches")
        assert heard == [("posts_imported", posts[:2]), ("posts_imported", posts[2:])]

    def test_announces_the_changed_post_and_publishes_nothing_when_an_item_changed(
        self, tmp_path, import_file, heard, django_capture_on_commit_callbacks
    ):
        import_file(write(tmp_path, wxr(item(1, "One", name="one"))), blog_name="rerun")
        with django_capture_on_commit_callbacks(execute=True):
            report = import_file(
                write(tmp_path, wxr(item(1, "One, edited", name="one"))), blog_name="rerun"
            )
        post = Post.objects.get(blog__name="rerun")
        assert (report.changed, post.title, post.slug) == (1, "One, edited", "one")
        assert heard == [("posts_imported", [post.pk])]

    def test_announces_each_post_and_publishes_nothing_when_written_one_by_one(
        self, tmp_path, import_file, heard, django_capture_on_commit_callbacks
    ):
        from chaikhana.porting.models import ImportedItem

        import_file(write(tmp_path, wxr(item(1, "First"))), blog_name="retry")
        blog = Blog.objects.get(name="retry")
        # A comment row the planner cannot foresee: the batch is written again item by item.
        ImportedItem.objects.create(blog=blog, kind="comment", key="5")
        comment = """<wp:comment><wp:comment_id>5</wp:comment_id>
        <wp:comment_content>Hi</wp:comment_content><wp:comment_approved>1</wp:comment_approved>
        </wp:comment>"""
        heard.clear()
        with django_capture_on_commit_callbacks(execute=True):
            import_file(
                write(tmp_path, wxr(item(2, "Good") + item(3, "Clash", extra=comment))),
                blog_name="retry",
            )
        good = Post.objects.get(blog=blog, title="Good")
        assert heard == [("posts_imported", [good.pk])]


@pytest.mark.django_db
class LjImportAnnouncementTests:
    def test_announces_each_entry_and_publishes_nothing_when_importing_public_entries(
        self, blog, user, heard, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            import_lj(entries=str(POSTS), comments=[], blog=blog, owner=user)
        posts = sorted(Post.objects.for_blog(blog).values_list("pk", flat=True))
        assert Post.objects.for_blog(blog).filter(status=Post.Status.PUBLISHED).exists()
        assert sorted(heard) == [("posts_imported", [pk]) for pk in posts]

    def test_keeps_the_address_when_a_changed_entry_has_a_new_subject(self, blog, user, tmp_path):
        import_lj(entries=str(SINGLE), comments=[], blog=blog, owner=user)
        before = Post.objects.for_blog(blog).get()
        changed = tmp_path / "e.xml"
        changed.write_text(SINGLE.read_text().replace(f">{before.title}<", ">A new subject<"))
        report = import_lj(entries=str(changed), comments=[], blog=blog, owner=user)
        after = Post.objects.for_blog(blog).get()
        assert (report.changed, after.title, after.slug) == (1, "A new subject", before.slug)
