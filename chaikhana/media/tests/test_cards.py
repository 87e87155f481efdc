"""Shared links always show a picture: the post's own image, or a title card drawn for it."""

import io
import re

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from chaikhana.blogs.models import Post
from chaikhana.core.fonts import bold_font_path
from chaikhana.core.testing.factories import PostFactory
from chaikhana.media.cards import card_url
from chaikhana.media.tests import helpers as h

pytestmark = pytest.mark.django_db


def _og_image(client, post) -> str:
    html = client.get(post.get_absolute_url()).content.decode()
    return re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)


def _path(url: str, settings) -> str:
    assert url.startswith(settings.SITE_URL)
    return url.removeprefix(settings.SITE_URL)


class TitleCardTests:
    def test_og_image_of_a_post_without_an_image_is_a_1200_by_630_png(self, client, settings, blog):
        post = PostFactory(blog=blog, title="Жаңы мектеп: айылда эмне өзгөрдү")
        response = client.get(_path(_og_image(client, post), settings))
        image = Image.open(io.BytesIO(response.content))
        assert response.status_code == 200 and response["Content-Type"] == "image/png"
        assert (image.format, image.size) == ("PNG", (1200, 630))
        assert "immutable" in response["Cache-Control"]

    def test_card_is_drawn_once_and_kept_in_storage(self, client, blog):
        post = PostFactory(blog=blog)
        first = client.get(card_url(post)).content
        stored = [
            name for name in default_storage.listdir("cards")[1] if name.startswith(f"{post.pk}-")
        ]
        assert len(stored) == 1 and client.get(card_url(post)).content == first

    def test_old_cards_address_leads_to_the_new_title(self, client, blog):
        post = PostFactory(blog=blog, title="Old")
        old = card_url(post)
        Post.objects.filter(pk=post.pk).update(title="New")
        post.refresh_from_db()
        response = client.get(old)
        assert response.status_code == 302 and response["Location"] == card_url(post)

    def test_a_draft_has_no_card(self, client, blog):
        post = PostFactory(blog=blog, status=Post.Status.DRAFT, published_at=None)
        assert client.get(card_url(post)).status_code == 404

    def test_cards_draw_cyrillic_with_a_system_font_that_has_it(self):
        assert bold_font_path() is not None  # else titles in Russian or Kyrgyz are boxes


class PostImageTests:
    def test_post_with_an_uploaded_photo_shares_its_1200_px_jpeg(
        self, client, settings, blog, upload
    ):
        media = upload(h.image_bytes("JPEG", (2400, 1600)))
        post = PostFactory(blog=blog, body_source=f"![Базар]({media.url})")
        url = _og_image(client, post)
        rendition = media.renditions.get(width=1200, format="jpeg")
        assert url == f"{settings.SITE_URL}{rendition.file.url}"
        html = client.get(post.get_absolute_url()).content.decode()
        assert '<meta property="og:image:height" content="800">' in html
