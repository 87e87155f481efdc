"""Desktop editors find a blog's XML-RPC endpoint from its address alone: the blog's pages
link the RSD document (rel="EditURI"), which names the endpoint. Then python-wordpress-xmlrpc
drives the mt.* and revision methods through it, at the blog's endpoint and the network's."""

import collections
import collections.abc
import xmlrpc.client
from html.parser import HTMLParser

import pytest
import requests
from defusedxml import ElementTree

from chaikhana.accounts.app_passwords import create_app_password
from chaikhana.blogs.models import Post
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import (
    BlogFactory,
    CategoryFactory,
    MembershipFactory,
    PostFactory,
)

collections.Iterable = collections.abc.Iterable  # type: ignore[attr-defined]
from wordpress_xmlrpc import Client, WordPressPost  # noqa: E402
from wordpress_xmlrpc.methods import posts  # noqa: E402

RSD = "{http://archipelago.phrasewise.com/rsd}"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") and attrs.get("href"):
            self.links.setdefault(attrs["rel"], attrs["href"])


def discover(blog_url: str) -> tuple[str, str]:
    """(XML-RPC endpoint, blog id) as MarsEdit finds them: page → EditURI → RSD → apiLink."""
    page = requests.get(blog_url, timeout=10)
    parser = _Links()
    parser.feed(page.text)
    rsd = requests.get(parser.links["EditURI"], timeout=10)
    assert rsd.headers["Content-Type"].startswith("application/rsd+xml")
    apis = ElementTree.fromstring(rsd.content).iter(f"{RSD}api")
    wordpress = next(api for api in apis if api.get("name") == "WordPress")
    assert wordpress.get("preferred") == "true"
    return wordpress.get("apiLink"), wordpress.get("blogID")


class RsdTests:
    def test_every_blog_page_links_the_rsd_document(self, client, blog):
        post = PostFactory(blog=blog, status=Post.Status.PUBLISHED)
        for address in (blog.get_absolute_url(), post.get_absolute_url()):
            html = client.get(address).content.decode()
            assert (
                '<link rel="EditURI" type="application/rsd+xml" '
                f'href="http://testserver/@{blog.name}/xmlrpc.php?rsd">'
            ) in html

    def test_the_rsd_document_names_this_blogs_endpoint_for_every_dialect(self, client, blog):
        response = client.get(f"/@{blog.name}/xmlrpc.php?rsd")
        root = ElementTree.fromstring(response.content)
        assert (
            root.findtext(f"{RSD}service/{RSD}homePageLink") == f"http://testserver/@{blog.name}/"
        )
        apis = {a.get("name"): a.attrib for a in root.iter(f"{RSD}api")}
        assert set(apis) == {"WordPress", "Movable Type", "MetaWeblog", "Blogger"}
        assert {a["apiLink"] for a in apis.values()} == {
            f"http://testserver/@{blog.name}/xmlrpc.php"
        }
        assert {a["blogID"] for a in apis.values()} == {str(blog.pk)}

    def test_a_private_blog_has_no_rsd_for_strangers(self, client, blog):
        blog.visibility = blog.Visibility.PRIVATE
        blog.save()
        assert client.get(f"/@{blog.name}/xmlrpc.php?rsd").status_code == 404

    def test_get_without_rsd_and_the_networks_rsd_are_refused(self, client, blog):
        assert client.get(f"/@{blog.name}/xmlrpc.php").status_code == 405
        assert client.get("/xmlrpc.php?rsd").status_code == 405

    def test_a_blogs_own_host_answers_rsd_and_calls(self, client, settings, blog, user):
        settings.BLOG_HOST_MODE, settings.BLOG_DOMAIN = "subdomain", "blogs.example"
        settings.ALLOWED_HOSTS = [".blogs.example", "testserver"]
        host = f"{blog.name}.blogs.example"
        html = client.get("/", HTTP_HOST=host).content.decode()
        assert f'href="http://{host}/xmlrpc.php?rsd"' in html
        rsd = client.get("/xmlrpc.php?rsd", HTTP_HOST=host)
        assert f'apiLink="http://{host}/xmlrpc.php"' in rsd.content.decode()
        _, password = create_app_password(user=user, name="MarsEdit")
        body = xmlrpc.client.dumps((1, user.username, password, 10), "mt.getRecentPostTitles")
        PostFactory(blog=blog, title="На своём адресе")
        answer = client.post("/xmlrpc.php", body, content_type="text/xml", HTTP_HOST=host)
        (titles,), _ = xmlrpc.client.loads(answer.content)
        assert [t["title"] for t in titles] == ["На своём адресе"]


WLW = "{http://schemas.microsoft.com/wlw/manifest/weblog}"
# What Open Live Writer's Movable Type client calls (OpenLiveWriter.BlogClient.Clients).
MOVABLE_TYPE_CLIENT = {
    "blogger.getUsersBlogs",
    "metaWeblog.newPost",
    "metaWeblog.editPost",
    "metaWeblog.getRecentPosts",
    "metaWeblog.newMediaObject",
    "mt.getCategoryList",
    "mt.getPostCategories",
    "mt.setPostCategories",
    "mt.publishPost",
}


class WriterManifestTests:
    def test_open_live_writer_finds_a_manifest_its_client_can_keep_when_it_opens_a_page(
        self, client, blog
    ):
        html = client.get(blog.get_absolute_url()).content.decode()
        assert (
            '<link rel="wlwmanifest" type="application/wlwmanifest+xml" '
            f'href="http://testserver/@{blog.name}/wlwmanifest.xml">'
        ) in html
        answer = client.get(f"/@{blog.name}/wlwmanifest.xml")
        assert answer["Content-Type"] == "application/wlwmanifest+xml"
        options = ElementTree.fromstring(answer.content).find(f"{WLW}options")
        assert options.findtext(f"{WLW}clientType") == "MovableType"
        assert options.findtext(f"{WLW}supportsNewCategories") == "No"
        body = xmlrpc.client.dumps((), "mt.supportedMethods")
        (methods,), _ = xmlrpc.client.loads(
            client.post("/xmlrpc.php", body, content_type="text/xml").content
        )
        assert set(methods) >= MOVABLE_TYPE_CLIENT

    def test_a_private_blogs_manifest_is_not_found_when_a_stranger_asks(self, client, blog):
        blog.visibility = blog.Visibility.PRIVATE
        blog.save()
        assert client.get(f"/@{blog.name}/wlwmanifest.xml").status_code == 404


@pytest.mark.django_db(transaction=True)
class DesktopEditorTests:
    @pytest.mark.parametrize("network", [False, True], ids=["blog-endpoint", "network-endpoint"])
    def test_an_editor_discovers_posts_categorises_publishes_and_restores(
        self, live_server, blog, user, network
    ):
        endpoint, blog_id = discover(f"{live_server.url}{blog.get_absolute_url()}")
        assert endpoint == f"{live_server.url}/@{blog.name}/xmlrpc.php"
        if network:  # a client told the network's address, with WordPress's blog id 1
            endpoint, blog_id = f"{live_server.url}/xmlrpc.php", "1"
        news, culture = (
            CategoryFactory(blog=blog, name="News"),
            CategoryFactory(blog=blog, name="Culture"),
        )
        _, password = create_app_password(user=user, name="MarsEdit")
        wp = Client(endpoint, user.username, password, blog_id=blog_id)
        mt = wp.server.mt
        assert {"mt.getCategoryList", "mt.publishPost", "wp.getRevisions"} <= set(
            mt.supportedMethods()
        )
        assert mt.supportedTextFilters() == []
        assert [
            c["categoryName"] for c in mt.getCategoryList(blog_id, user.username, password)
        ] == [
            "Culture",
            "News",
        ]

        draft = WordPressPost()
        draft.title, draft.content, draft.post_status = "Черновик", "<p>Первая версия</p>", "draft"
        post_id = wp.call(posts.NewPost(draft))
        categories = [
            {"categoryId": str(news.pk), "isPrimary": True},
            {"categoryId": str(culture.pk)},
        ]
        assert mt.setPostCategories(post_id, user.username, password, categories) is True
        named = mt.getPostCategories(post_id, user.username, password)
        assert {c["categoryName"] for c in named} == {"News", "Culture"}

        draft.content = "<p>Вторая версия</p>"
        wp.call(posts.EditPost(post_id, draft))
        assert mt.publishPost(post_id, user.username, password) is True
        stored = Post.objects.get(pk=post_id)
        assert stored.status == Post.Status.PUBLISHED and stored.blog == blog
        titles = mt.getRecentPostTitles(blog_id, user.username, password, 5)
        assert [(t["postid"], t["post_status"]) for t in titles] == [(post_id, "publish")]

        revisions = wp.call(posts.GetRevisions(post_id))
        first = next(r for r in revisions if "Первая версия" in r.content)
        assert wp.call(posts.RestoreRevision(first.id)) is True
        stored.refresh_from_db()
        assert "Первая версия" in stored.body_source and stored.status == Post.Status.PUBLISHED

    def test_a_contributor_may_not_publish_through_mt(self, live_server, blog):
        writer = MembershipFactory(blog=blog, role=Role.CONTRIBUTOR).user
        post = PostFactory(blog=blog, author=writer.memberships.get(), status=Post.Status.DRAFT)
        _, password = create_app_password(user=writer, name="MarsEdit")
        proxy = xmlrpc.client.ServerProxy(f"{live_server.url}/@{blog.name}/xmlrpc.php")
        with pytest.raises(xmlrpc.client.Fault) as fault:
            proxy.mt.publishPost(str(post.pk), writer.username, password)
        assert fault.value.faultCode == 401
        post.refresh_from_db()
        assert post.status == Post.Status.DRAFT

    def test_categories_and_revisions_of_another_blog_are_not_found(self, live_server, blog, user):
        other = BlogFactory()
        theirs = PostFactory(blog=other, status=Post.Status.PUBLISHED)
        foreign = CategoryFactory(blog=other, name="Theirs")
        mine = PostFactory(blog=blog, author=blog.memberships.get(user=user))
        _, password = create_app_password(user=user, name="MarsEdit")
        proxy = xmlrpc.client.ServerProxy(f"{live_server.url}/@{blog.name}/xmlrpc.php")
        for call in (
            lambda: proxy.mt.setPostCategories(
                str(mine.pk), user.username, password, [{"categoryId": str(foreign.pk)}]
            ),
            lambda: proxy.wp.getRevisions(1, user.username, password, str(theirs.pk)),
            lambda: proxy.mt.getPostCategories(str(theirs.pk), user.username, password),
        ):
            with pytest.raises(xmlrpc.client.Fault) as fault:
                call()
            assert fault.value.faultCode == 404
        assert not mine.categories.exists()
