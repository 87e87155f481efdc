"""Uploading from the editor, with JavaScript off and on, and the editor's image picker."""

from __future__ import annotations

import pytest
from django.urls import reverse

from chaikhana.core.testing.factories import PostFactory, UserFactory
from chaikhana.media.actions import upload_media
from chaikhana.media.models import MediaFile
from chaikhana.media.tests.helpers import image_bytes, upload_file
from chaikhana.writing.tests.helpers import client_for, post_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


class EditorUploadWithoutJsTests:
    def test_upload_appends_the_image_and_keeps_the_typed_text(self, blog, user):
        url = reverse("writing:editor_upload", args=[blog.name])
        data = post_data(title="Half-typed", body_source="My unsaved paragraph.", upload="1")
        data |= {"upload_file": upload_file(image_bytes("PNG"), "hills.png"), "upload_alt": "Hills"}
        response = client_for(user).post(url, data)
        media = MediaFile.objects.get()
        html = response.content.decode()
        assert response.status_code == 200
        assert f"My unsaved paragraph.\n\n![Hills]({media.url})" in html
        assert 'value="Half-typed"' in html
        assert "The file was uploaded and added at the end of the text." in html

    def test_upload_without_a_file_says_so_and_keeps_the_text(self, blog, user):
        url = reverse("writing:editor_upload", args=[blog.name])
        response = client_for(user).post(url, post_data(body_source="Keep me.", upload="1"))
        html = response.content.decode()
        assert "Choose a file to upload." in html and "Keep me." in html

    def test_upload_to_an_existing_post_keeps_editing_that_post(self, blog, user):
        post = PostFactory(blog=blog)
        url = reverse("writing:editor_upload", args=[blog.name]) + f"?post={post.pk}"
        data = post_data(upload="1") | {"upload_file": upload_file(image_bytes("PNG"), "a.png")}
        html = client_for(user).post(url, data).content.decode()
        assert reverse("writing:post_edit", args=[blog.name, post.pk]) in html


class EditorUploadJsonTests:
    def test_json_upload_answers_with_the_markdown(self, blog, user):
        url = reverse("writing:editor_upload_json", args=[blog.name])
        data = {"upload_file": upload_file(image_bytes("JPEG"), "a.jpg"), "upload_alt": "A [b]"}
        answer = client_for(user).post(url, data).json()
        assert answer == {"markdown": f"![A (b)]({MediaFile.objects.get().url})"}

    def test_json_upload_of_a_refused_file_is_a_clear_400(self, blog, user):
        url = reverse("writing:editor_upload_json", args=[blog.name])
        data = {"upload_file": upload_file(b"<svg/>" * 10, "x.svg")}
        response = client_for(user).post(url, data)
        assert response.status_code == 400 and response.json()["error"]

    def test_stranger_cannot_upload(self, blog):
        url = reverse("writing:editor_upload_json", args=[blog.name])
        data = {"upload_file": upload_file(image_bytes("PNG"), "a.png")}
        assert client_for(UserFactory()).post(url, data).status_code in (403, 404)
        assert not MediaFile.objects.exists()


class EditorPickerTests:
    def test_recent_images_are_offered_as_copyable_markdown(self, blog, user):
        png = upload_file(image_bytes("PNG"), "pass.png")
        media = upload_media(blog=blog, by=user, uploaded_file=png, alt="Pass")
        html = client_for(user).get(reverse("writing:post_new", args=[blog.name])).content.decode()
        assert f'readonly value="![Pass]({media.url})"' in html
        assert f'data-markdown="![Pass]({media.url})" hidden' in html
