"""Post pages show our images as <picture>, degrade them for Save-Data, mark removed ones."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from chaikhana.blogs.models import Blog
from chaikhana.core.testing.factories import PostFactory
from chaikhana.media.actions import delete_media
from chaikhana.media.tests.helpers import image_bytes
from chaikhana.reading.tests.cache_helpers import served_from_cache, warm, without_comment_form

pytestmark = pytest.mark.django_db


def _page(client, post, **headers) -> str:
    response = client.get(post.get_absolute_url(), **headers)
    assert response.status_code == 200
    return response.content.decode()


class PostPicturesTests:
    def test_uploaded_image_is_a_picture_with_dimensions(self, client, blog, upload):
        media = upload(image_bytes("JPEG", (800, 600)), alt="Горы")
        post = PostFactory(blog=blog, body_source=f"![Горы]({media.url})")
        html = _page(client, post)
        assert '<source type="image/webp"' in html
        assert 'width="800" height="600"' in html
        assert re.search(r'srcset="[^"]*-640\.webp 640w', html)

    def test_only_the_first_image_loads_eagerly(self, client, blog, upload):
        first, second = upload(image_bytes("JPEG", (700, 500))), upload(image_bytes("PNG"))
        post = PostFactory(blog=blog, body_source=f"![a]({first.url})\n\n![b]({second.url})")
        loading = re.findall(r'loading="(\w+)"', _page(client, post))
        assert loading == ["eager", "lazy"]

    def test_library_description_fills_an_empty_alt(self, client, blog, upload):
        media = upload(image_bytes("PNG"), alt="Base camp at dawn")
        post = PostFactory(blog=blog, body_source=f"![]({media.url})")
        assert 'alt="Base camp at dawn"' in _page(client, post)

    def test_image_before_renditions_exist_shows_the_original(self, client, blog, user):
        from chaikhana.media.actions import upload_media
        from chaikhana.media.tests.helpers import upload_file

        media = upload_media(  # no on-commit run here: the renditions task never happened
            blog=blog, by=user, uploaded_file=upload_file(image_bytes("JPEG", (900, 600)), "p.jpg")
        )
        post = PostFactory(blog=blog, body_source=f"![p]({media.url})")
        html = _page(client, post)
        assert f'<img src="{media.url}" srcset="{media.url} 900w"' in html
        assert "<source" not in html

    def test_images_of_a_post_are_looked_up_once(self, client, blog, upload):
        urls = [upload(image_bytes("PNG")).url for _ in range(3)]
        one = PostFactory(blog=blog, body_source=f"![a]({urls[0]})")
        three = PostFactory(blog=blog, body_source="\n\n".join(f"![x]({u})" for u in urls))
        counts = []
        for post in (one, three):
            with CaptureQueriesContext(connection) as queries:
                _page(client, post)
            counts.append(len(queries))
        assert counts[0] == counts[1]


class SaveDataPicturesTests:
    def test_reader_saving_data_gets_a_link_to_the_phone_rendition_with_its_size(
        self, client, blog, upload
    ):
        media = upload(image_bytes("JPEG", (1200, 900)), alt="Горы")
        phone = next(r for r in media.renditions.all() if r.width == 768 and r.format == "avif")
        post = PostFactory(blog=blog, body_source=f"![Горы]({media.url})")
        html = _page(client, post, HTTP_SAVE_DATA="on")
        assert "<img" not in html and "<picture" not in html
        assert f'href="{phone.file.url}">Show image: Горы, ' in html


class RemovedMediaTests:
    def test_post_shows_a_placeholder_after_its_image_is_deleted(
        self, client, blog, user, upload, django_capture_on_commit_callbacks
    ):
        media = upload(image_bytes("PNG"), alt="Горы")
        post = PostFactory(blog=without_comment_form(blog), body_source=f"![Горы]({media.url})")
        assert "<picture>" in warm(client, post.get_absolute_url())
        assert served_from_cache(client, post.get_absolute_url())
        with django_capture_on_commit_callbacks(execute=True):
            delete_media(media=media, by=user)
        html = _page(client, post)
        assert "<img" not in html
        assert '<span class="media-removed" role="note">[Image removed: Горы]</span>' in html

    def test_images_from_elsewhere_are_shown_as_links_not_loaded(self, client, blog):
        post = PostFactory(blog=blog, body_source="![x](https://example.org/x.png)")
        html = _page(client, post)
        assert (
            '<a href="https://example.org/x.png" rel="nofollow ugc noopener">Image: x</a>' in html
        )
        assert '<img src="https://example.org' not in html


class PhotoThemeCardsTests:
    def test_cards_use_renditions_and_stay_lazy(self, client, blog, upload):
        Blog.objects.filter(pk=blog.pk).update(theme=Blog.Theme.PHOTO)
        media = upload(image_bytes("JPEG", (1000, 750)))
        PostFactory(blog=blog, body_source=f"![c]({media.url})")
        html = client.get(blog.get_absolute_url()).content.decode()
        assert '<source type="image/webp"' in html and "320w" in html
        assert 'width="1000" height="750"' in html and 'loading="lazy"' in html

    def test_card_list_query_count_does_not_grow_with_photos(self, client, blog, upload):
        Blog.objects.filter(pk=blog.pk).update(theme=Blog.Theme.PHOTO)
        url = blog.get_absolute_url()
        counts = []
        for _ in range(2):
            media = upload(image_bytes("JPEG", (700, 500)))
            PostFactory(blog=blog, body_source=f"![c]({media.url})")
            PostFactory(blog=blog, body_source=f"![d]({media.url})")
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts.append(len(queries))
        assert counts[0] == counts[1]


class RenditionsRefreshPagesTests:
    def test_stored_page_is_replaced_when_renditions_are_made(
        self, client, blog, user, django_capture_on_commit_callbacks
    ):
        from chaikhana.media.actions import create_renditions, upload_media
        from chaikhana.media.tests.helpers import upload_file

        media = upload_media(
            blog=blog, by=user, uploaded_file=upload_file(image_bytes("JPEG", (900, 600)), "p.jpg")
        )
        post = PostFactory(blog=without_comment_form(blog), body_source=f"![p]({media.url})")
        assert "<source" not in warm(client, post.get_absolute_url())
        assert served_from_cache(client, post.get_absolute_url())
        with django_capture_on_commit_callbacks(execute=True):
            create_renditions(media=media)
        assert '<source type="image/webp"' in _page(client, post)
