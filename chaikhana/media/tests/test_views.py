"""The media library in the dashboard: who sees, uploads, describes and deletes what."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from chaikhana.blogs.models import Blog, Post
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import (
    BlogFactory,
    MembershipFactory,
    PostFactory,
    UserFactory,
)
from chaikhana.media.models import MediaFile
from chaikhana.media.tests import helpers as h

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def url(name: str, blog: Blog, *args: object) -> str:
    return reverse(f"media:{name}", args=[blog.name, *args])


class LibraryTests:
    def test_library_lists_files_with_thumbnails_usage_and_missing_descriptions(
        self, upload, blog, user, django_assert_max_num_queries
    ):
        upload(h.image_bytes("JPEG", (800, 600)), "bazaar.jpg", alt="Bazaar")
        upload(h.image_bytes("JPEG", (800, 600)), "undescribed.jpg")
        upload(h.PDF, "report.pdf")
        client = client_for(user)
        with django_assert_max_num_queries(10):
            response = client.get(url("library", blog))
        html = response.content.decode()
        assert response.status_code == 200
        assert "bazaar.jpg" in html and "undescribed.jpg" in html and "report.pdf" in html
        assert html.count("no description") == 1
        assert "-320.jpg 320w" in html
        assert "of 500.0\xa0MB" in html

    def test_query_count_does_not_grow_with_the_files(
        self, upload, blog, user, django_assert_num_queries
    ):
        client = client_for(user)
        upload(h.image_bytes("JPEG", (700, 500)))
        with django_assert_num_queries(10) as first:
            client.get(url("library", blog))
        for _ in range(3):
            upload(h.image_bytes("JPEG", (700, 500)))
        with django_assert_num_queries(len(first.captured_queries)):
            client.get(url("library", blog))

    def test_search_finds_by_name_alt_and_caption(self, upload, blog, user):
        upload(h.PDF, "budget.pdf")
        upload(h.image_bytes("JPEG"), "protest-photo.jpg", alt="Протест у Белого дома")
        upload(h.image_bytes("JPEG"), "portrait-photo.jpg", caption="Фото: Айгуль")
        client = client_for(user)
        for query, expected in [
            ("BUDGET", "budget.pdf"),
            ("протест", "protest-photo.jpg"),
            ("айгуль", "portrait-photo.jpg"),
        ]:
            html = client.get(url("library", blog), {"q": query}).content.decode()
            assert expected in html
            assert (
                sum(
                    name in html
                    for name in ("budget.pdf", "protest-photo.jpg", "portrait-photo.jpg")
                )
                == 1
            )

    def test_stranger_is_refused_and_private_blogs_stay_hidden(self, blog):
        stranger = client_for(UserFactory())
        assert stranger.get(url("library", blog)).status_code == 403
        private = BlogFactory(visibility=Blog.Visibility.PRIVATE)
        assert stranger.get(url("library", private)).status_code == 404

    def test_anonymous_visitor_is_sent_to_log_in(self, blog):
        response = Client().get(url("library", blog))
        assert response.status_code == 302 and "/accounts/" in response["Location"]


class UploadViewTests:
    def test_member_uploads_a_photo_and_sees_it_in_the_library(self, blog):
        author = MembershipFactory(blog=blog, role=Role.CONTRIBUTOR).user
        client = client_for(author)
        photo = SimpleUploadedFile("cat.jpg", h.image_bytes("JPEG"), "image/jpeg")
        response = client.post(url("upload", blog), {"file": photo, "alt": "A cat"}, follow=True)
        assert response.status_code == 200
        assert "“cat.jpg” was uploaded." in response.content.decode()
        assert MediaFile.objects.get().alt == "A cat"

    def test_refused_file_shows_the_message_next_to_the_field_and_keeps_the_text(self, blog, user):
        svg = SimpleUploadedFile("logo.svg", h.SVG, "image/svg+xml")
        response = client_for(user).post(
            url("upload", blog), {"file": svg, "alt": "Our logo", "caption": "2024"}
        )
        html = response.content.decode()
        assert response.status_code == 400
        assert "SVG drawings cannot be uploaded" in html
        assert 'value="Our logo"' in html and "2024</textarea>" in html
        assert MediaFile.objects.count() == 0

    def test_file_over_the_cap_is_refused_with_a_clear_message(self, blog, user, settings):
        settings.MEDIA_MAX_UPLOAD_MB = 1
        settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024
        big = SimpleUploadedFile("film.mp4", b"\x00" * (3 * 1024 * 1024), "video/mp4")
        response = client_for(user).post(url("upload", blog), {"file": big, "alt": "x"})
        assert response.status_code == 400
        assert "bigger than 1.0\xa0MB" in response.content.decode()
        assert MediaFile.objects.count() == 0

    def test_upload_without_csrf_token_is_refused(self, blog, user):
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        photo = SimpleUploadedFile("cat.jpg", h.image_bytes("JPEG"), "image/jpeg")
        assert client.post(url("upload", blog), {"file": photo}).status_code == 403
        assert MediaFile.objects.count() == 0

    def test_stranger_cannot_upload(self, blog):
        photo = SimpleUploadedFile("cat.jpg", h.image_bytes("JPEG"), "image/jpeg")
        response = client_for(UserFactory()).post(url("upload", blog), {"file": photo})
        assert response.status_code == 403 and MediaFile.objects.count() == 0


class EditAndDeleteTests:
    def test_edit_page_shows_where_the_file_is_used(self, upload, blog, user):
        media = upload(h.image_bytes("JPEG", (800, 600)))
        rendition = media.renditions.get(width=320, format="jpeg")
        PostFactory(blog=blog, title="Uses the original", body_source=f"![x]({media.url})")
        PostFactory(blog=blog, title="Uses a copy", body_source=f"<img src='{rendition.file.url}'>")
        PostFactory(blog=blog, title="Unrelated")
        PostFactory(blog=BlogFactory(), title="Other blog", body_source=media.url)
        html = client_for(user).get(url("edit", blog, media.pk)).content.decode()
        assert "Uses the original" in html and "Uses a copy" in html
        assert "Unrelated" not in html and "Other blog" not in html

    def test_uploader_saves_a_new_description(self, upload, blog):
        author = MembershipFactory(blog=blog, role=Role.AUTHOR).user
        media = upload(h.image_bytes("JPEG"), by=author)
        response = client_for(author).post(
            url("edit", blog, media.pk), {"alt": "A new description", "caption": ""}
        )
        assert response.status_code == 302
        media.refresh_from_db()
        assert media.alt == "A new description"

    @pytest.mark.parametrize(("role", "status"), [(Role.EDITOR, 302), (Role.AUTHOR, 403)])
    def test_only_editors_or_the_uploader_may_delete(self, upload, blog, role, status):
        media = upload(h.image_bytes("JPEG"))
        other = MembershipFactory(blog=blog, role=role).user
        assert client_for(other).post(url("delete", blog, media.pk)).status_code == status
        assert MediaFile.objects.filter(pk=media.pk).exists() == (status == 403)

    def test_delete_asks_first_naming_the_published_posts(self, upload, blog, user):
        media = upload(h.image_bytes("JPEG"))
        PostFactory(blog=blog, title="Live story", body_source=media.url)
        PostFactory(blog=blog, title="A draft", body_source=media.url, status=Post.Status.DRAFT)
        html = client_for(user).get(url("delete", blog, media.pk)).content.decode()
        assert "A published post shows this file" in html
        assert "Live story" in html and "A draft" in html
        assert MediaFile.objects.filter(pk=media.pk).exists()

    def test_delete_removes_the_row_and_every_stored_file(
        self, upload, blog, user, settings, django_capture_on_commit_callbacks
    ):
        media = upload(h.image_bytes("JPEG", (800, 600)))
        assert any(settings.MEDIA_ROOT.rglob("*.jpg"))
        with django_capture_on_commit_callbacks(execute=True):
            response = client_for(user).post(url("delete", blog, media.pk))
        assert response.status_code == 302
        assert not MediaFile.objects.exists()
        assert not [p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()]

    def test_file_of_another_blog_answers_404(self, upload, user):
        other = BlogFactory(owner=user)
        media = upload(h.image_bytes("JPEG"), to=other)
        mine = BlogFactory(owner=user)
        assert client_for(user).get(url("edit", mine, media.pk)).status_code == 404
