"""picture_html and media_for_urls: what pages call to show library images."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import features

from chaikhana.core.testing.factories import BlogFactory
from chaikhana.media.models import MediaFile
from chaikhana.media.render import media_for_urls, picture_html
from chaikhana.media.tests import helpers as h

pytestmark = pytest.mark.django_db


def listed(media: MediaFile) -> MediaFile:
    return MediaFile.objects.for_listing().get(pk=media.pk)


class PictureHtmlTests:
    def test_picture_offers_modern_sources_and_a_fallback_img(self, upload):
        media = listed(upload(h.image_bytes("JPEG", (800, 600)), alt="Bazaar at dawn"))
        html = picture_html(media, lazy=True)
        assert html.startswith("<picture>") and html.endswith("</picture>")
        assert '<source type="image/webp" srcset="' in html
        assert ('<source type="image/avif"' in html) == features.check("avif")
        assert html.index("image/avif" if features.check("avif") else "image/webp") < html.index(
            "<img"
        )
        img = re.search(r"<img [^>]+>", html).group(0)
        assert f'src="{media.url}"' in img
        assert "-320.jpg 320w" in img and "-640.jpg 640w" in img and f"{media.url} 800w" in img
        for attribute in (
            'width="800"',
            'height="600"',
            'alt="Bazaar at dawn"',
            'loading="lazy"',
            'decoding="async"',
            'sizes="(max-width: 700px)',
        ):
            assert attribute in img

    def test_alt_is_escaped_and_can_be_overridden(self, upload):
        media = listed(upload(h.image_bytes("JPEG"), alt='"><script>'))
        assert "<script>" not in picture_html(media)
        assert 'alt=""' in picture_html(media, alt="")

    def test_image_without_renditions_shows_the_original(self, upload):
        media = upload(h.image_bytes("JPEG", (200, 100)))
        media.renditions.all().delete()  # as before the renditions task has run
        html = picture_html(listed(media))
        assert "<source" not in html
        assert f'srcset="{media.url} 200w"' in html and 'loading="eager"' in html

    def test_image_of_unknown_size_gets_no_empty_width_or_height(self, upload):
        media = upload(h.image_bytes("JPEG", (200, 100)))
        MediaFile.objects.filter(pk=media.pk).update(width=None, height=None)  # an old upload
        img = re.search(r"<img [^>]+>", picture_html(listed(media))).group(0)
        assert "width=" not in img and "height=" not in img

    def test_modern_sources_never_offer_the_original_jpeg(self, upload):
        media = listed(upload(h.image_bytes("JPEG", (800, 600))))
        sources = picture_html(media).split("<img", 1)[0]
        assert "<source" in sources and media.url not in sources

    def test_non_image_is_refused(self, upload):
        with pytest.raises(ValueError):
            picture_html(upload(h.PDF, "a.pdf"))


class MediaForUrlsTests:
    def test_every_image_of_a_post_is_found_in_two_queries(self, upload):
        files = [upload(h.image_bytes("JPEG", (700, 500))) for _ in range(3)]
        rendition = files[2].renditions.get(width=320, format="jpeg")
        urls = [
            files[0].url,
            "https://example.org" + files[1].url,
            rendition.file.url,
            "https://elsewhere.example/x.jpg",
            "/media/blogs/none.jpg",
        ]
        with CaptureQueriesContext(connection) as queries:
            found = media_for_urls(urls)
            html = [picture_html(m) for m in found.values()]
        assert len(queries) == 2 and len(html) == 3
        assert found == {urls[0]: files[0], urls[1]: files[1], urls[2]: files[2]}

    def test_media_of_another_blog_is_left_out_when_a_blog_is_given(self, upload, user):
        other = BlogFactory(owner=user)
        media = upload(h.image_bytes("JPEG"), to=other)
        assert media_for_urls([media.url]) == {media.url: media}
        assert media_for_urls([media.url], blog=media.blog) == {media.url: media}
        assert media_for_urls([media.url], blog=BlogFactory()) == {}
