"""Helpers for porting's tests: import a file the way the command does, without media."""

import pytest

from chaikhana.accounts.models import User
from chaikhana.core.testing.corpora import CORPORA as CORPORA_ROOT
from chaikhana.porting.wxr.importer import Options, import_wxr_new_blog

CORPORA = CORPORA_ROOT / "wordpress"


@pytest.fixture
def import_file(db):
    """Import as an administrator naming the owner (a fresh account "importer" by default)."""

    def run(path, blog_name="imported", owner=None, fetch_media=False, match=None):
        if owner is None:
            owner = User.objects.filter(username="importer").first()
            owner = owner or User.objects.create_user(username="importer", password="x" * 12)
        options = Options(match=match, fetch_media=fetch_media)
        return import_wxr_new_blog(
            source=str(path), blog_name=blog_name, owner=owner, options=options
        )

    return run


def wxr(items: str, *, channel: str = "", encoding: str = "UTF-8") -> str:
    """A small WXR 1.2 document around *items*."""
    return f"""<?xml version="1.0" encoding="{encoding}"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Test site</title><link>http://old.example/blog</link><language>ru-RU</language>
<wp:base_blog_url>http://old.example/blog</wp:base_blog_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>aigul</wp:author_login>
<wp:author_email>aigul@example.org</wp:author_email>
<wp:author_display_name><![CDATA[Айгуль]]></wp:author_display_name></wp:author>
{channel}{items}</channel></rss>"""


def item(
    wp_id: int,
    title: str = "Post",
    *,
    name: str = "",
    status: str = "publish",
    post_type: str = "post",
    date: str = "2009-10-22 14:05:00",
    gmt: str = "2009-10-22 08:05:00",
    content: str = "Text",
    extra: str = "",
) -> str:
    return f"""<item><title>{title}</title>
<link>http://old.example/blog/2009/10/22/{name or title.lower()}/</link>
<dc:creator>aigul</dc:creator><content:encoded><![CDATA[{content}]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>{wp_id}</wp:post_id>
<wp:post_date>{date}</wp:post_date><wp:post_date_gmt>{gmt}</wp:post_date_gmt>
<wp:post_name>{name or title.lower()}</wp:post_name><wp:status>{status}</wp:status>
<wp:post_type>{post_type}</wp:post_type><wp:post_password></wp:post_password>
<wp:is_sticky>0</wp:is_sticky>{extra}</item>"""
