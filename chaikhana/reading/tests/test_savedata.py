"""Save-Data: on: images become links that say how big they are."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from chaikhana.core.templatetags.lightweight import images_as_links
from chaikhana.core.testing.factories import PostFactory
from chaikhana.reading.tests.cache_helpers import warm


@pytest.fixture
def stored_image():
    name = default_storage.save("savedata-test/photo.jpg", ContentFile(b"x" * 87_040))
    yield name
    default_storage.delete(name)


class SaveDataTests:
    def test_images_become_links_with_their_size(self, client, blog, stored_image):
        post = PostFactory(blog=blog, body_source=f"![Горы](/media/{stored_image})")
        html = client.get(post.get_absolute_url(), HTTP_SAVE_DATA="on").content.decode()
        assert "<img" not in html
        assert f'href="/media/{stored_image}">Show image: Горы, 85.0\xa0KB</a>' in html

    def test_full_page_keeps_its_images(self, client, blog):
        post = PostFactory(blog=blog, body_source="![Горы](/media/none.jpg)")
        assert '<img src="/media/none.jpg"' in client.get(post.get_absolute_url()).content.decode()

    def test_stored_full_page_is_not_served_to_a_reader_saving_data(self, client, blog):
        post = PostFactory(blog=blog, body_source="![Горы](/media/none.jpg)")
        warm(client, post.get_absolute_url())
        html = client.get(post.get_absolute_url(), HTTP_SAVE_DATA="on").content.decode()
        assert "<img" not in html


class ImagesAsLinksTests:
    def test_image_inside_a_link_becomes_text_not_a_nested_link(self):
        html = images_as_links('<a href="/x"><img src="/y.png" alt="a &gt; b"></a>')
        assert html == '<a href="/x"><span class="img-link">[a &gt; b]</span></a>'

    def test_outside_image_keeps_an_escaped_alt(self):
        html = images_as_links('<p><img src="https://e.org/a.png?x=1&amp;y=2" alt="&quot;q&quot;">')
        assert html == (
            '<p><a class="img-link" href="https://e.org/a.png?x=1&amp;y=2">'
            "Show image: &quot;q&quot;</a>"
        )

    def test_text_that_mentions_img_is_left_alone(self):
        body = "<pre><code>&lt;img src=x&gt;</code></pre>"
        assert images_as_links(body) == body

    def test_disabled_returns_the_body_unchanged(self):
        body = '<img src="/a.png" alt="">'
        assert images_as_links(body, False) == body
