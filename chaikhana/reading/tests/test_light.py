"""Light mode: ?format=light gives a text-only page, remembered in a cookie until ?format=full."""

from __future__ import annotations

from chaikhana.core.testing.factories import PostFactory
from chaikhana.reading.tests.cache_helpers import warm


def photo_post(blog):
    return PostFactory(blog=blog, body_source="Текст\n\n![Озеро](/media/lake.jpg)")


class LightModeTests:
    def test_light_page_has_no_images_and_no_stylesheet(self, client, blog):
        post = photo_post(blog)
        html = client.get(post.get_absolute_url() + "?format=light").content.decode()
        assert "<img" not in html
        assert 'rel="stylesheet"' not in html
        assert '<a class="img-link" href="/media/lake.jpg">Show image: Озеро</a>' in html

    def test_light_page_inline_style_is_small(self, client, blog):
        html = client.get(blog.get_absolute_url() + "?format=light").content.decode()
        style = html[html.index("<style>") : html.index("</style>")]
        assert len(style.encode()) < 600

    def test_choice_is_remembered_until_full_is_asked_for(self, client, blog):
        post = photo_post(blog)
        first = client.get(blog.get_absolute_url() + "?format=light")
        assert first.cookies["light"].value == "1"
        assert "<img" not in client.get(post.get_absolute_url()).content.decode()
        client.get(post.get_absolute_url() + "?format=full")
        assert "<img" in client.get(post.get_absolute_url()).content.decode()

    def test_footer_offers_the_other_version(self, client, blog):
        full = client.get(blog.get_absolute_url() + "?page=1").content.decode()
        assert 'href="?page=1&amp;format=light" rel="nofollow">Light version</a>' in full
        light = client.get(blog.get_absolute_url() + "?format=light").content.decode()
        assert 'href="?format=full" rel="nofollow">Full version</a>' in light

    def test_stored_full_page_is_not_served_to_a_light_reader(self, client, blog):
        post = photo_post(blog)
        warm(client, post.get_absolute_url())
        client.cookies["light"] = "1"
        assert "<img" not in client.get(post.get_absolute_url()).content.decode()

    def test_stored_light_page_is_not_served_to_a_full_reader(self, client, blog):
        post = photo_post(blog)
        client.cookies["light"] = "1"
        warm(client, post.get_absolute_url())
        del client.cookies["light"]
        assert "<img" in client.get(post.get_absolute_url()).content.decode()
