"""Tests of the personal data export: one zip with every item, JSON that parses, files intact."""

from __future__ import annotations

import hashlib
import json
import zipfile
from io import BytesIO, StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from chaikhana.blogs.actions.posts import PostContent, edit_post
from chaikhana.blogs.models import Post
from chaikhana.core.testing.factories import (
    BlogFactory,
    CommentFactory,
    MembershipFactory,
    PostFactory,
    UserFactory,
)
from chaikhana.media.actions import upload_media
from chaikhana.media.tests.helpers import image_bytes
from chaikhana.porting.export.user import build_user_zip


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def writer(db):
    """A person who owns one blog, writes on another, comments, and uploaded a photo."""
    person = UserFactory(username="zarina", display_name="Зарина", email="z@example.org")
    own = BlogFactory(owner=person, name="own")
    other = BlogFactory(name="other")
    membership = MembershipFactory(blog=other, user=person, role="author", pen_name="Z.")
    PostFactory(blog=own, title="Published", slug="published")
    PostFactory(blog=own, title="Draft", slug="draft", status=Post.Status.DRAFT, published_at=None)
    PostFactory(blog=other, author=membership, title="Guest post", slug="guest")
    PostFactory(blog=other, title="Not hers", slug="not-hers")
    CommentFactory(post=Post.objects.get(slug="not-hers"), author=person, body_source="Mine")
    CommentFactory(post=Post.objects.get(slug="not-hers"), body_source="Someone else's")
    upload_media(
        blog=own,
        by=person,
        alt="A roof",
        uploaded_file=SimpleUploadedFile("roof.png", image_bytes("PNG")),
    )
    return person


def read(zip_bytes: bytes) -> tuple[zipfile.ZipFile, dict]:
    archive = zipfile.ZipFile(BytesIO(zip_bytes))
    parts = {n: json.loads(archive.read(n)) for n in archive.namelist() if n.endswith(".json")}
    return archive, parts


@pytest.mark.django_db
class UserExportTests:
    def test_holds_every_item_of_hers_and_nothing_of_others(self, writer):
        out = BytesIO()
        counts = build_user_zip(user=writer, out=out)
        archive, parts = read(out.getvalue())
        assert counts == {"blogs": 2, "posts": 3, "comments": 1, "media": 1, "subscriptions": 0}
        assert {
            "README.txt",
            "profile.json",
            "blogs.json",
            "posts.json",
            "comments.json",
            "media.json",
        } <= set(archive.namelist())
        assert parts["profile.json"]["username"] == "zarina"
        assert parts["profile.json"]["email"] == "z@example.org"
        roles = sorted((b["blog"], b["role"], b["pen_name"]) for b in parts["blogs.json"])
        own_pen_name = writer.memberships.get(blog__name="own").pen_name
        assert roles == [("other", "author", "Z."), ("own", "owner", own_pen_name)]
        titles = sorted(p["title"] for p in parts["posts.json"])
        assert titles == ["Draft", "Guest post", "Published"]
        (comment,) = parts["comments.json"]
        assert (comment["body_source"], comment["blog"], comment["post"]) == (
            "Mine",
            "other",
            "Not hers",
        )
        readme = archive.read("README.txt").decode()
        assert all(name in readme for name in [*parts, "media/"])

    def test_keeps_files_byte_for_byte_with_their_metadata(self, writer):
        out = BytesIO()
        build_user_zip(user=writer, out=out)
        archive, parts = read(out.getvalue())
        (media,) = parts["media.json"]
        media_file = writer.media_files.get()
        with media_file.file.open("rb") as stored:
            original = stored.read()
        data = archive.read(media["path"])
        assert hashlib.sha256(data).hexdigest() == hashlib.sha256(original).hexdigest()
        assert media["sha256"] == hashlib.sha256(original).hexdigest()
        assert (media["alt"], media["original_name"], media["size"]) == (
            "A roof",
            "roof.png",
            len(original),
        )

    def test_includes_each_posts_revisions(self, writer):
        post = Post.objects.get(slug="published")
        edit_post(
            post=post,
            by=writer,
            content=PostContent(
                title="Published, edited", body_source="New", slug="published", language="ru"
            ),
        )
        out = BytesIO()
        build_user_zip(user=writer, out=out)
        _archive, parts = read(out.getvalue())
        exported = next(p for p in parts["posts.json"] if p["id"] == post.pk)
        assert exported["title"] == "Published, edited"
        assert len(exported["revisions"]) == post.revisions.count() >= 1


@pytest.mark.django_db
class ExportUserCommandTests:
    def test_writes_the_zip(self, writer, tmp_path):
        out = StringIO()
        call_command("export_user", "zarina", str(tmp_path / "z.zip"), stdout=out)
        assert "posts 3" in out.getvalue()
        assert zipfile.ZipFile(tmp_path / "z.zip").testzip() is None

    def test_fails_clearly_for_an_unknown_user(self, tmp_path):
        with pytest.raises(CommandError, match="No user"):
            call_command("export_user", "nobody", str(tmp_path / "z.zip"))
