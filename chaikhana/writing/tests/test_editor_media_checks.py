"""The checks the editor shows above the text before publishing (media's checks, writing's page)."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from PIL import Image

from chaikhana.core.testing.factories import PostFactory
from chaikhana.media.actions import upload_media
from chaikhana.media.tests.helpers import image_bytes, upload_file
from chaikhana.writing.tests.helpers import client_for, post_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def upload(blog, user, django_capture_on_commit_callbacks):
    """upload(data, name) as the blog's owner, running the renditions task after commit."""

    def run(data: bytes, name: str = "photo.jpg", **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return upload_media(blog=blog, by=user, uploaded_file=upload_file(data, name), **kwargs)

    return run


def _noisy_jpeg(size=(1600, 1200)) -> bytes:
    out = io.BytesIO()
    Image.effect_noise(size, 120).convert("RGB").save(out, "JPEG", quality=95)
    return out.getvalue()


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
