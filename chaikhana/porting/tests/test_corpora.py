"""Every post, page, comment, category and tag of WordPress's own test exports arrives.

The expected counts come from a plain defusedxml parse of each file, independent of the
streaming parser under test.
"""

from datetime import UTC, datetime

import defusedxml.ElementTree as ET
import pytest

from chaikhana.blogs.models import Blog, Category, Post, Tag
from chaikhana.comments.models import Comment
from chaikhana.linkbacks.models import Mention
from chaikhana.porting.models import ImportedItem
from chaikhana.porting.tests.conftest import CORPORA

FILES = ["theme-unit-test-data.xml", "wptest.xml", "valid-wxr-1.1.xml", "wxr-simple.xml"]


def local(tag):
    return tag.rsplit("}", 1)[-1]


def expected_counts(path):
    """Posts and pages, comments, pingbacks+trackbacks, category and tag nicenames."""
    channel = ET.parse(path).getroot().find("channel")
    counts = {"posts": 0, "comments": 0, "linkbacks": 0}
    categories, tags = set(), set()
    for child in channel:
        fields = {local(c.tag): (c.text or "") for c in child}
        if local(child.tag) == "category" and "category_nicename" in fields:
            categories.add(fields["category_nicename"].lower())
        elif local(child.tag) == "tag":
            tags.add(fields["tag_slug"].lower())
        elif local(child.tag) == "item" and fields.get("post_type") in ("post", "page"):
            counts["posts"] += 1
            for sub in child:
                if local(sub.tag) == "category":
                    bucket = {"category": categories, "post_tag": tags}.get(sub.get("domain"))
                    if bucket is not None:
                        bucket.add(sub.get("nicename").lower())
                elif local(sub.tag) == "comment":
                    kind = {local(c.tag): c.text for c in sub}.get("comment_type") or ""
                    counts["linkbacks" if kind in ("pingback", "trackback") else "comments"] += 1
    return counts, categories, tags


@pytest.mark.parametrize("name", FILES)
class CorpusTests:
    def test_every_post_comment_and_term_arrives(self, name, import_file):
        counts, categories, tags = expected_counts(CORPORA / name)
        report = import_file(CORPORA / name, blog_name="corpus")
        blog = Blog.objects.get(name="corpus")
        assert Post.objects.for_blog(blog).count() == counts["posts"] == report.imported
        assert report.skipped == []
        assert Comment.objects.for_blog(blog).count() == counts["comments"]
        assert Mention.objects.filter(post__blog=blog).count() == counts["linkbacks"]
        imported = ImportedItem.objects.for_blog(blog)
        assert set(imported.filter(kind="category").values_list("key", flat=True)) == categories
        assert set(imported.filter(kind="tag").values_list("key", flat=True)) == tags
        assert Category.objects.for_blog(blog).count() <= len(categories)
        assert Tag.objects.for_blog(blog).count() <= len(tags)

    def test_running_twice_duplicates_nothing(self, name, import_file):
        import_file(CORPORA / name, blog_name="corpus")
        before = (Post.objects.count(), Comment.objects.count(), Mention.objects.count())
        report = import_file(CORPORA / name, blog_name="corpus")
        assert (Post.objects.count(), Comment.objects.count(), Mention.objects.count()) == before
        assert report.imported == 0 and report.changed == 0
        assert report.unchanged == before[0]


class ThemeUnitTestDataTests:
    """Samples from the Theme Unit Test data compared field by field."""

    @pytest.fixture
    def blog(self, import_file):
        self.report = import_file(CORPORA / "theme-unit-test-data.xml", blog_name="theme")
        return Blog.objects.get(name="theme")

    def item_post(self, blog, wp_id):
        return ImportedItem.objects.get(blog=blog, kind="post", key=str(wp_id)).post

    def test_blog_is_created_from_the_channel(self, blog):
        assert (blog.title, blog.language) == ("Theme Unit Test Data", "en")
        assert self.report.menu_items_ignored == 70

    def test_a_published_post_keeps_title_slug_date_author_and_terms(self, blog):
        post = self.item_post(blog, 993)
        assert post.title == "Template: Excerpt (Defined)"
        assert post.slug == "template-excerpt-defined"
        assert post.status == Post.Status.PUBLISHED
        assert post.published_at == datetime(2012, 3, 15, 21, 38, 8, tzinfo=UTC)  # _gmt
        assert post.byline == "Theme Buster"  # themedemos's wp:author_display_name
        assert post.author is None  # a byline, no account made for her
        assert sorted(post.categories.values_list("slug", flat=True)) == [
            "classic",
            "template-2",
            "uncategorized",
        ]
        assert sorted(post.tags.values_list("slug", flat=True)) == [
            "content-2",
            "excerpt-2",
            "template",
        ]
        assert post.excerpt.startswith("This is a user-defined post excerpt.")

    def test_category_hierarchy_is_kept(self, blog):
        grandchild = Category.objects.get(blog=blog, slug="child-2")
        assert grandchild.parent.slug == "child-1"
        assert grandchild.parent.parent.slug == "parent"
        assert grandchild.parent.parent.parent is None
        child = Category.objects.get(blog=blog, slug="child-category-01")
        assert child.parent.slug == "parent-category"

    def test_comment_threading_is_kept_nine_deep(self, blog):
        post = self.item_post(blog, 1148)  # "Template: Comments"
        comments = Comment.objects.filter(post=post)
        assert comments.count() == 20
        deepest = comments.order_by("-depth").first()
        assert deepest.depth == 9
        chain = [deepest]
        while chain[-1].parent is not None:
            chain.append(chain[-1].parent)
        assert [c.depth for c in chain] == list(range(9, -1, -1))

    def test_password_protected_post_is_private_and_flagged(self, blog):
        row = ImportedItem.objects.get(blog=blog, kind="post", key="1168")
        assert row.post.status == Post.Status.PRIVATE
        assert row.data["password_protected"] is True
        assert self.report.password_protected == 1

    def test_sticky_and_scheduled_posts(self, blog):
        sticky = ImportedItem.objects.get(blog=blog, kind="post", key="1241")
        assert sticky.data["sticky"] is True
        scheduled = self.item_post(blog, 1153)  # future, 2030
        assert scheduled.status == Post.Status.SCHEDULED
        assert scheduled.published_at == datetime(2030, 1, 1, 19, 0, 18, tzinfo=UTC)
        assert self.item_post(blog, 1164).status == Post.Status.DRAFT

    def test_pingbacks_become_mentions(self, blog):
        mentions = Mention.objects.filter(post__blog=blog).order_by("source")
        assert mentions.count() == 4
        assert {m.kind for m in mentions} == {Mention.Kind.PINGBACK}

    def test_pages_are_pages(self, blog):
        assert Post.objects.for_blog(blog).pages().count() == 21

    def test_imported_html_is_sanitised_and_has_paragraphs(self, blog):
        for post in Post.objects.for_blog(blog):
            assert "<script" not in post.body_html
        post = self.item_post(blog, 1241)
        assert post.body_html.startswith("<p>")
        assert post.published_at == datetime(2012, 1, 7, 14, 7, 21, tzinfo=UTC)
