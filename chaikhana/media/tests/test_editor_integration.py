"""Uploading from the editor (JS off and on), the picker, and the checks shown before publishing."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from PIL import Image

from chaikhana.core.testing.factories import PostFactory
from chaikhana.media.models import MediaFile
from chaikhana.media.tests.helpers import image_bytes, upload_file
from chaikhana.writing.tests.helpers import client_for, post_data

pytestmark = pytest.mark.django_db


def _noisy_jpeg(size=(1600, 1200)) -> bytes:
    out = io.BytesIO()
    Image.effect_noise(size, 120).convert("RGB").save(out, "JPEG", quality=95)
    return out.getvalue()


class EditorUploadWithoutJsTests:
    def test_upload_appends_the_image_and_keeps_the_typed_text(self, blog, user):
        url = reverse("media:editor_upload", args=[blog.name])
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
        url = reverse("media:editor_upload", args=[blog.name])
        response = client_for(user).post(url, post_data(body_source="Keep me.", upload="1"))
        html = response.content.decode()
        assert "Choose a file to upload." in html and "Keep me." in html

    def test_upload_to_an_existing_post_keeps_editing_that_post(self, blog, user):
        post = PostFactory(blog=blog)
        url = reverse("media:editor_upload", args=[blog.name]) + f"?post={post.pk}"
        data = post_data(upload="1") | {"upload_file": upload_file(image_bytes("PNG"), "a.png")}
        html = client_for(user).post(url, data).content.decode()
        assert reverse("writing:post_edit", args=[blog.name, post.pk]) in html


class EditorUploadJsonTests:
    def test_json_upload_answers_with_the_markdown(self, blog, user):
        url = reverse("media:editor_upload_json", args=[blog.name])
        data = {"upload_file": upload_file(image_bytes("JPEG"), "a.jpg"), "upload_alt": "A [b]"}
        answer = client_for(user).post(url, data).json()
        assert answer == {"markdown": f"![A (b)]({MediaFile.objects.get().url})"}

    def test_json_upload_of_a_refused_file_is_a_clear_400(self, blog, user):
        url = reverse("media:editor_upload_json", args=[blog.name])
        data = {"upload_file": upload_file(b"<svg/>" * 10, "x.svg")}
        response = client_for(user).post(url, data)
        assert response.status_code == 400 and response.json()["error"]

    def test_stranger_cannot_upload(self, blog):
        from chaikhana.core.testing.factories import UserFactory

        url = reverse("media:editor_upload_json", args=[blog.name])
        data = {"upload_file": upload_file(image_bytes("PNG"), "a.png")}
        assert client_for(UserFactory()).post(url, data).status_code in (403, 404)
        assert not MediaFile.objects.exists()


class EditorPickerTests:
    def test_recent_images_are_offered_as_copyable_markdown(self, blog, user, upload):
        media = upload(image_bytes("PNG"), "pass.png", alt="Pass")
        html = client_for(user).get(reverse("writing:post_new", args=[blog.name])).content.decode()
        assert f'readonly value="![Pass]({media.url})"' in html
        assert f'data-markdown="![Pass]({media.url})" hidden' in html


class EditorChecksTests:
    def test_images_without_description_are_flagged_on_preview(self, blog, user, upload):
        described = upload(image_bytes("PNG"), alt="Described")
        bare = upload(image_bytes("PNG"))
        body = f"![]({described.url})\n\n![]({bare.url})\n\n![](https://example.org/x.png)"
        url = reverse("writing:post_new", args=[blog.name])
        html = client_for(user).post(url, post_data(body_source=body, preview="1"))
        # The image on another site is previewed as the link readers will get, not an image.
        assert "1 image has no description" in html.content.decode()
        assert "Image on example.org" in html.content.decode()

    def test_heavy_post_warning_names_the_photo(self, blog, user, settings, upload):
        settings.POST_WEIGHT_WARN_KB = 100
        from chaikhana.media.actions import upload_media

        heavy = upload_media(  # renditions not made: a phone would load the whole original
            blog=blog, by=user, uploaded_file=upload_file(_noisy_jpeg(), "market.jpg"), alt="M"
        )
        post = PostFactory(blog=blog, body_source=f"![M]({heavy.url})")
        html = client_for(user).get(reverse("writing:post_edit", args=[blog.name, post.pk]))
        text = html.content.decode()
        assert "This post is " in text
        assert "of it is one photo (market.jpg) — publish a smaller rendition?" in text

    def test_light_post_has_no_warning_but_shows_its_weight(self, blog, user, upload):
        media = upload(image_bytes("JPEG", (1200, 900)), alt="Small")
        post = PostFactory(blog=blog, body_source=f"![Small]({media.url})")
        text = client_for(user).get(reverse("writing:post_edit", args=[blog.name, post.pk]))
        html = text.content.decode()
        assert "Before you publish" not in html
        assert "First view on a phone: about" in html
