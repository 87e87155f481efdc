"""What a shared link to a blog's pages shows: description, canonical, og:*, JSON-LD."""

import json
import re

import pytest

from chaikhana.blogs.models import Post
from chaikhana.core.testing.factories import BlogFactory, PostFactory

pytestmark = pytest.mark.django_db
LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def _head(client, url):
    html = client.get(url).content.decode()
    return html[: html.index("</head>")]


def _meta(head, prop):
    found = re.findall(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)">', head)
    assert len(found) == 1, (prop, found)
    return found[0]


class PostSharingTests:
    def test_post_page_has_one_description_when_the_blog_has_a_tagline(self, client, blog):
        blog.tagline = "Заметки о городе"
        blog.save()
        post = PostFactory(blog=blog, excerpt="О чём эта запись")
        head = _head(client, post.get_absolute_url())
        assert head.count('<meta name="description"') == 1
        assert _meta(head, "description") == "О чём эта запись"

    def test_post_page_tells_previews_its_title_address_and_kind(self, client, settings, blog):
        post = PostFactory(blog=blog, title="Вода в Оше")
        head = _head(client, post.get_absolute_url())
        address = f"{settings.SITE_URL}{post.get_absolute_url()}"
        assert f'<link rel="canonical" href="{address}">' in head
        assert _meta(head, "og:url") == address and _meta(head, "og:title") == "Вода в Оше"
        assert _meta(head, "og:type") == "article" and _meta(head, "og:site_name") == blog.title
        assert _meta(head, "twitter:card") == "summary_large_image"
        assert _meta(head, "article:published_time").endswith("Z")

    def test_json_ld_is_a_blog_posting_signed_with_the_pen_name_only(self, client, blog, user):
        post = PostFactory(blog=blog)
        data = json.loads(LD.search(_head(client, post.get_absolute_url())).group(1))
        assert data["@type"] == "BlogPosting" and data["headline"] == post.title
        assert data["author"] == {"@type": "Person", "name": post.author.pen_name}
        assert user.username not in json.dumps(data, ensure_ascii=False)

    def test_page_is_a_website_without_json_ld(self, client, blog):
        page = PostFactory(blog=blog, kind=Post.Kind.PAGE)
        head = _head(client, page.get_absolute_url())
        assert _meta(head, "og:type") == "website" and not LD.search(head)

    def test_private_post_tells_previews_nothing(self, client, blog, user):
        post = PostFactory(blog=blog, status=Post.Status.PRIVATE)
        client.force_login(user)
        head = _head(client, post.get_absolute_url())
        assert "og:" not in head and not LD.search(head)


class BlogSharingTests:
    def test_blog_home_describes_itself_with_its_tagline(self, client, settings):
        blog = BlogFactory(tagline="Фото Нарына")
        head = _head(client, blog.get_absolute_url())
        assert _meta(head, "description") == "Фото Нарына"
        assert _meta(head, "og:type") == "website" and _meta(head, "twitter:card") == "summary"
        assert f'<link rel="canonical" href="{settings.SITE_URL}/@{blog.name}/">' in head
