"""Tests of the WXR export: well-formed, private, and re-importable by our WXR importer."""

from __future__ import annotations

from datetime import UTC, datetime
from io import StringIO

import pytest
from defusedxml.ElementTree import fromstring
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from chaikhana.blogs.models import Post
from chaikhana.comments.models import Comment
from chaikhana.core.testing.factories import (
    BlogFactory,
    CategoryFactory,
    CommentFactory,
    MembershipFactory,
    PostFactory,
    TagFactory,
    UserFactory,
)
from chaikhana.media.actions import upload_media
from chaikhana.media.tests.helpers import image_bytes
from chaikhana.porting.export.wxr import write_wxr
from chaikhana.porting.export.xmltext import cdata
from chaikhana.porting.wxr.importer import Options, import_wxr
from chaikhana.porting.wxr.people import match_only

WP = "{http://wordpress.org/export/1.2/}"
WHEN = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def full_blog(blog, user):
    """A blog with nested categories, tags, posts of every status, a page and threaded comments."""
    writer = MembershipFactory(
        blog=blog,
        pen_name="Бермет",
        slug="bermet",
        user=UserFactory(username="secret_login", email="s@example.org"),
    )
    parent = CategoryFactory(blog=blog, name="Новости", slug="novosti")
    child = CategoryFactory(blog=blog, name="Бишкек", slug="bishkek", parent=parent)
    tag = TagFactory(blog=blog, name="выборы", slug="vybory")
    first = PostFactory(
        blog=blog,
        title="Первый ]]> пост",
        slug="pervyj",
        published_at=WHEN,
        body_source="<p>Текст <b>жирный</b> ]]&gt; конец</p>",
        body_format="html",
        excerpt="Коротко",
    )
    first.categories.set([child])
    first.tags.set([tag])
    PostFactory(
        blog=blog,
        title="Draft",
        slug="draft",
        status=Post.Status.DRAFT,
        published_at=None,
        author=writer,
        body_source="<p>d</p>",
        body_format="html",
    )
    PostFactory(
        blog=blog,
        title="Private",
        slug="private",
        status=Post.Status.PRIVATE,
        published_at=WHEN,
        body_source="<p>p</p>",
        body_format="html",
    )
    PostFactory(
        blog=blog,
        title="About",
        slug="about",
        kind=Post.Kind.PAGE,
        published_at=WHEN,
        body_source="<p>About us</p>",
        body_format="html",
    )
    top = CommentFactory(post=first, name="Айгуль", body_source="Hello *there*")
    CommentFactory(post=first, parent=top, depth=1, name="Reply", body_source="Thanks")
    CommentFactory(post=first, name="Spammer", status=Comment.Status.SPAM, body_source="buy")
    return blog


def export(blog) -> str:
    out = StringIO()
    write_wxr(blog=blog, out=out)
    return out.getvalue()


class CdataTests:
    def test_splits_the_end_marker_across_two_sections(self):
        assert cdata("a]]>b") == "<![CDATA[a]]]]><![CDATA[>b]]>"
        assert fromstring(f"<x>{cdata('a]]>b')}</x>").text == "a]]>b"


@pytest.mark.django_db
class WxrExportTests:
    def test_writes_well_formed_xml_with_every_item_and_term(self, full_blog):
        root = fromstring(export(full_blog).encode())
        channel = root.find("channel")
        items = channel.findall("item")
        types = sorted(i.find(f"{WP}post_type").text for i in items)
        assert types == ["page", "post", "post", "post"]
        assert len(channel.findall(f"{WP}category")) == 2
        nicenames = [
            c.find(f"{WP}category_nicename").text for c in channel.findall(f"{WP}category")
        ]
        assert nicenames == ["novosti", "bishkek"]  # parents first
        assert [t.find(f"{WP}tag_slug").text for t in channel.findall(f"{WP}tag")] == ["vybory"]
        first = next(i for i in items if i.find(f"{WP}post_name").text == "pervyj")
        assert first.find("title").text == "Первый ]]> пост"
        content = first.find("{http://purl.org/rss/1.0/modules/content/}encoded").text
        assert content == "<p>Текст <b>жирный</b> ]]&gt; конец</p>"
        assert first.find(f"{WP}post_date_gmt").text == "2024-05-06 07:08:09"
        assert first.find(f"{WP}status").text == "publish"
        assert len(first.findall(f"{WP}comment")) == 2  # the spam is left out

    def test_names_authors_by_pen_name_and_never_by_username_or_email(self, full_blog, user):
        text = export(full_blog)
        assert "secret_login" not in text and "s@example.org" not in text
        assert user.username not in text
        assert "@example.org" not in text  # commenters' emails neither
        root = fromstring(text.encode())
        names = [a.find(f"{WP}author_display_name").text for a in root.iter(f"{WP}author")]
        assert "Бермет" in names

    def test_writes_an_attachment_for_each_media_file(self, blog, user):
        media = upload_media(
            blog=blog,
            by=user,
            caption="Caption",
            uploaded_file=SimpleUploadedFile("p.png", image_bytes("PNG")),
        )
        root = fromstring(export(blog).encode())
        (item,) = root.find("channel").findall("item")
        assert item.find(f"{WP}post_type").text == "attachment"
        assert item.find(f"{WP}attachment_url").text.endswith(media.file.name)
        assert item.find("{http://wordpress.org/export/1.2/excerpt/}encoded").text == "Caption"

    def test_round_trips_through_the_wxr_importer_field_by_field(self, full_blog, tmp_path):
        path = tmp_path / "blog.xml"
        path.write_text(export(full_blog), encoding="utf-8")
        owner = UserFactory()
        copy = BlogFactory(owner=owner, name="copy")
        report = import_wxr(
            source=str(path),
            blog=copy,
            owner=owner,
            options=Options(match=match_only(owner), fetch_media=False),
        )
        assert (report.imported, report.skipped) == (4, [])
        fields = ("kind", "title", "slug", "status", "excerpt", "byline")

        def rows(blog):
            posts = Post.objects.for_blog(blog).order_by("slug")
            return [
                (
                    *(getattr(p, f) for f in fields),
                    p.body_html.strip(),  # the importer's wpautop ends the text with a newline
                    p.published_at if p.status != "draft" else None,
                    sorted(p.categories.values_list("slug", flat=True)),
                    sorted(p.tags.values_list("name", flat=True)),
                )
                for p in posts
            ]

        before, after = rows(full_blog), rows(copy)
        assert len(after) == 4
        for old, new in zip(before, after, strict=True):
            assert old == new
        # WordPress dates every draft: ours without a date arrives dated when it was created.
        draft = Post.objects.get(blog=copy, slug="draft")
        created = Post.objects.get(blog=full_blog, slug="draft").created_at
        assert draft.published_at == created.replace(microsecond=0)
        assert sorted(copy.categories.values_list("slug", "parent__slug")) == [
            ("bishkek", "novosti"),
            ("novosti", None),
        ]

    def test_round_trips_approved_comments_with_their_threading(self, full_blog, tmp_path):
        path = tmp_path / "blog.xml"
        path.write_text(export(full_blog), encoding="utf-8")
        owner = UserFactory()
        copy = BlogFactory(owner=owner, name="copy")
        import_wxr(
            source=str(path),
            blog=copy,
            owner=owner,
            options=Options(match=match_only(owner), fetch_media=False),
        )
        old = list(Comment.objects.filter(blog=full_blog, status="approved").order_by("pk"))
        new = list(Comment.objects.filter(blog=copy).order_by("pk"))
        assert len(new) == 2
        for a, b in zip(old, new, strict=True):
            # WXR dates are to the second.
            assert (
                a.name,
                a.body_html,
                a.status,
                a.created_at.replace(microsecond=0),
                a.depth,
            ) == (b.name, b.body_html, b.status, b.created_at, b.depth)
        assert new[1].parent == new[0]


@pytest.mark.django_db
class ExportWxrCommandTests:
    def test_writes_the_file_and_says_how_many_items(self, full_blog, tmp_path):
        out = StringIO()
        call_command("export_wxr", "--blog", full_blog.name, str(tmp_path / "x.xml"), stdout=out)
        assert "4 posts and pages" in out.getvalue()
        assert fromstring((tmp_path / "x.xml").read_bytes()).tag == "rss"

    def test_fails_clearly_when_the_blog_does_not_exist(self, tmp_path):
        with pytest.raises(CommandError, match="No blog"):
            call_command("export_wxr", "--blog", "nope", str(tmp_path / "x.xml"))
