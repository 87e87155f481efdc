"""OPML 2.0: export a reader's follows, import a subscription list safely and atomically."""

import pytest
from defusedxml.ElementTree import fromstring
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from chaikhana.blogs.models import Blog
from chaikhana.core.errors import ActionError
from chaikhana.core.testing.factories import BlogFactory, TagFactory, UserFactory
from chaikhana.reading.following.actions import follow_blog, follow_tag, import_follows
from chaikhana.reading.following.models import BlogFollow, TagFollow

pytestmark = pytest.mark.django_db

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<opml version="2.0"><head><title>&lol3;</title></head><body>
<outline text="x" xmlUrl="http://testserver/@a/feed/"/></body></opml>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<opml version="2.0"><head><title>&xxe;</title></head><body>
<outline text="x" xmlUrl="http://testserver/@a/feed/"/></body></opml>"""


def opml(*outlines):
    body = "".join(
        f'<outline text="{text}" type="rss" xmlUrl="{xml}" htmlUrl="{html}"/>'
        for text, xml, html in outlines
    )
    return f'<?xml version="1.0"?><opml version="2.0"><head/><body>{body}</body></opml>'.encode()


def upload(client, data, name="subs.opml"):
    return client.post("/reader/opml/import/", {"file": SimpleUploadedFile(name, data)})


def follows(user):
    blogs = set(BlogFollow.objects.filter(user=user).values_list("blog__name", flat=True))
    return blogs, set(TagFollow.objects.filter(user=user).values_list("slug", flat=True))


class OpmlExportTests:
    def test_parses_with_absolute_feed_and_page_urls(self, client, user):
        blog = BlogFactory(name="talas", title="Голос Таласа")
        TagFactory(blog=blog, name="выборы", slug="vybory")
        follow_blog(user=user, blog=blog)
        follow_tag(user=user, slug="vybory")
        client.force_login(user)
        response = client.get("/reader/opml/")
        assert response["Content-Type"].startswith("text/x-opml")
        assert response["Content-Disposition"].startswith("attachment")
        root = fromstring(response.content)
        assert root.tag == "opml" and root.get("version") == "2.0"
        blog_line, tag_line = root.findall("body/outline")
        assert blog_line.get("text") == "Голос Таласа"
        assert blog_line.get("xmlUrl") == "http://testserver/@talas/feed/"
        assert blog_line.get("htmlUrl") == "http://testserver/@talas/"
        assert tag_line.get("text") == "#выборы"
        assert tag_line.get("xmlUrl") == "http://testserver/tag/vybory/feed/"

    def test_leaves_out_a_private_blog_she_left(self, client, user):
        blog = BlogFactory(visibility=Blog.Visibility.PRIVATE, owner=user)
        follow_blog(user=user, blog=blog)
        blog.memberships.all().delete()
        client.force_login(user)
        assert fromstring(client.get("/reader/opml/").content).findall("body/outline") == []

    @override_settings(BLOG_HOST_MODE="subdomain", BLOG_DOMAIN="chaikhana.test")
    def test_subdomain_mode_exports_blog_hosts(self, client, user):
        follow_blog(user=user, blog=BlogFactory(name="talas"))
        client.force_login(user)
        outline = fromstring(client.get("/reader/opml/").content).find("body/outline")
        assert outline.get("xmlUrl") == "http://talas.chaikhana.test/feed/"

    def test_parses_when_a_blog_title_carries_control_characters(self, client, user):
        follow_blog(user=user, blog=BlogFactory(title="Vertical\x0btab"))
        client.force_login(user)
        outline = fromstring(client.get("/reader/opml/").content).find("body/outline")
        assert outline.get("text") == "Verticaltab"

    def test_needs_login(self, client, db):
        assert client.get("/reader/opml/").status_code == 302


class OpmlRoundTripTests:
    def test_export_then_import_gives_another_account_the_same_follows(self, client, user):
        public, unlisted = BlogFactory(), BlogFactory(visibility=Blog.Visibility.UNLISTED)
        TagFactory(blog=public, slug="vybory")
        for blog in (public, unlisted):
            follow_blog(user=user, blog=blog)
        follow_tag(user=user, slug="vybory")
        follow_tag(user=user, slug="not-used-yet")
        client.force_login(user)
        exported = client.get("/reader/opml/").content
        other = UserFactory()
        client.force_login(other)
        assert upload(client, exported).status_code == 200
        assert follows(other) == follows(user)
        assert follows(other)[0] == {public.name, unlisted.name}


class OpmlImportTests:
    def test_our_blogs_become_follows_and_others_are_listed_back(self, client, user):
        blog = BlogFactory(name="talas")
        data = opml(
            ("Talas", "http://testserver/@talas/feed/atom/", ""),
            ("Elsewhere", "https://example.org/rss", "https://example.org/"),
            ("Talas again", "", "http://testserver/@talas/some-post/"),
        )
        client.force_login(user)
        html = upload(client, data).content.decode()
        assert follows(user) == ({blog.name}, set())
        assert "Not on this network, skipped" in html and "https://example.org/rss" in html

    def test_recognises_subdomains_and_tag_pages(self, client, user):
        BlogFactory(name="talas")
        TagFactory(blog=BlogFactory(name="osh"), slug="vybory")
        data = opml(
            ("Talas", "https://talas.chaikhana.test/feed/", ""),
            ("Tag", "", "http://testserver/@osh/tag/vybory/"),
        )
        client.force_login(user)
        with override_settings(BLOG_DOMAIN="chaikhana.test"):
            upload(client, data)
        assert follows(user) == ({"talas"}, {"vybory"})

    def test_private_and_missing_blogs_are_skipped_alike(self, client, user):
        BlogFactory(name="secret", visibility=Blog.Visibility.PRIVATE)
        data = opml(
            ("A", "http://testserver/@secret/feed/", ""),
            ("B", "http://testserver/@nowhere/feed/", ""),
        )
        client.force_login(user)
        html = upload(client, data).content.decode()
        assert follows(user) == (set(), set())
        assert "not found" in html and "@secret" in html and "@nowhere" in html

    def test_nested_outlines_are_read(self, client, user):
        BlogFactory(name="talas")
        data = (
            b'<opml version="1.0"><body><outline text="Folder">'
            b'<outline text="T" xmlUrl="http://testserver/@talas/feed/"/>'
            b"</outline></body></opml>"
        )
        client.force_login(user)
        upload(client, data)
        assert follows(user) == ({"talas"}, set())

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            (BILLION_LAUGHS, "we do not read for safety"),
            (EXTERNAL_ENTITY, "we do not read for safety"),
            (b"<opml><body><outline", "not well-formed XML"),
            (b"not xml at all", "not well-formed XML"),
            (b"<rss><channel/></rss>", "not an OPML subscription list"),
            (b"   \n ", "The file is empty."),
            (b"", "The submitted file is empty."),
            (opml(), "lists no feeds"),
        ],
    )
    def test_bad_file_gets_a_message_next_to_the_field(self, client, user, data, message):
        client.force_login(user)
        response = upload(client, data)
        assert response.status_code == 200
        html = response.content.decode()
        assert message in html
        assert 'class="field invalid"' in html
        assert follows(user) == (set(), set())

    def test_too_many_outlines_imports_nothing(self, client, user):
        BlogFactory(name="talas")
        data = opml(*[("T", "http://testserver/@talas/feed/", "")] * 10_000)
        client.force_login(user)
        html = upload(client, data).content.decode()
        assert "we import at most 5000" in html
        assert follows(user) == (set(), set())

    def test_file_over_a_megabyte_is_refused(self, client, user):
        client.force_login(user)
        data = opml(("T", "http://testserver/@talas/feed/", "x" * (1024 * 1024)))
        assert "larger than 1 MB" in upload(client, data).content.decode()

    def test_one_refused_blog_leaves_nothing_half_imported(self, user):
        readable, private = BlogFactory(), BlogFactory(visibility=Blog.Visibility.PRIVATE)
        with pytest.raises(ActionError):
            import_follows(user=user, blogs=[readable, private], tag_slugs=["vybory"])
        assert follows(user) == (set(), set())

    def test_form_page_renders(self, client, user):
        client.force_login(user)
        html = client.get("/reader/opml/import/").content.decode()
        assert 'enctype="multipart/form-data"' in html and 'type="file"' in html
