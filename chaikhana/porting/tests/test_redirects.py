"""Old WordPress addresses of an imported blog answer 301 to the new ones."""

import pytest

from chaikhana.blogs.models import Blog
from chaikhana.core.testing.factories import UserFactory
from chaikhana.porting.models import ImportedItem
from chaikhana.porting.tests.conftest import item, wxr

NEWS = "%d0%bd%d0%be%d0%b2%d0%be%d1%81%d1%82%d0%b8"
TERMS = f"""<category domain="category" nicename="{NEWS}"><![CDATA[Новости]]></category>
<category domain="post_tag" nicename="vybory"><![CDATA[Выборы]]></category>"""


@pytest.fixture
def imported(tmp_path, import_file):
    items = item(123, "Hello", name="hello", extra=TERMS)
    items += item(124, "Again", name="hello")  # our slug: hello-2
    items += item(7, "About", name="about", post_type="page").replace("2009/10/22/about/", "about/")
    items += item(125, "Привет", name="%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82")
    path = tmp_path / "x.xml"
    path.write_text(wxr(items))
    import_file(path, blog_name="old")


def post_url(wp_id):
    return ImportedItem.objects.get(kind="post", key=str(wp_id)).post.get_absolute_url()


@pytest.mark.usefixtures("imported")
class LegacyLinkTests:
    @pytest.mark.parametrize(
        ("old", "wp_id"),
        [
            ("/@old/?p=123", 123),
            ("/@old/?page_id=7", 7),
            ("/@old/archives/123/", 123),
            ("/@old/2009/10/22/hello/", 123),
            ("/@old/2009/10/hello/", 123),
            ("/@old/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82/", 125),
        ],
    )
    def test_old_post_address_answers_301(self, client, old, wp_id):
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"] == post_url(wp_id)

    def test_exact_old_permalink_wins_over_the_post_name(self, client):
        # Both items had post_name "hello"; each one's own permalink leads to itself.
        assert post_url(124) == "/@old/hello-2/"
        assert client.get("/@old/2009/10/22/hello/")["Location"] == post_url(123)

    def test_cyrillic_category_and_tag_addresses(self, client):
        response = client.get("/@old/category/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/")
        assert (response.status_code, response["Location"]) == (301, "/@old/category/novosti/")
        assert client.get("/@old/tag/vybory/").status_code == 200  # the same slug here

    def test_a_page_whose_slug_is_unchanged_answers_directly(self, client):
        assert post_url(7) == "/@old/about/"
        assert client.get("/@old/about/").status_code == 200

    def test_month_archive_is_still_ours(self, client):
        assert client.get("/@old/2009/10/").status_code == 200

    def test_unknown_old_address_is_404(self, client):
        assert client.get("/@old/?p=999").status_code == 200  # the home, as before
        assert client.get("/@old/2009/10/22/nothing/").status_code == 404
        assert client.get("/@old/archives/999/").status_code == 404


def hidden_items() -> str:
    """A published post, a draft, a private post and a draft page, each with its old links."""
    items = item(300, "Shown", name="shown", extra=TERMS)
    items += item(301, "Secret plan", name="secret-plan", status="draft")
    items += item(302, "Diary", name="diary", status="private")
    items += item(303, "Unfinished", name="unfinished", status="draft", post_type="page")
    return items


@pytest.fixture
def owner(db):
    return UserFactory()


@pytest.fixture
def hidden(tmp_path, import_file, owner):
    path = tmp_path / "hidden.xml"
    path.write_text(wxr(hidden_items()))
    import_file(path, blog_name="open", owner=owner)
    path.write_text(wxr(hidden_items().replace("old.example", "closed.example")))
    import_file(path, blog_name="closed", owner=owner)
    Blog.objects.filter(name="closed").update(visibility=Blog.Visibility.PRIVATE)


POST_LINKS = ["?p={id}", "archives/{id}/", "2009/10/22/{name}/"]
TERM_LINKS = [f"category/{NEWS}/", "tag/vybory/"]


@pytest.mark.usefixtures("hidden")
class LegacyLinkVisibilityTests:
    @pytest.mark.parametrize("link", POST_LINKS)
    @pytest.mark.parametrize(("wp_id", "name"), [(301, "secret-plan"), (302, "diary")])
    def test_stranger_learns_nothing_when_the_post_is_a_draft_or_private(
        self, client, link, wp_id, name
    ):
        asked = "/@open/" + link.format(id=wp_id, name=name)
        response = client.get(asked)
        assert response.status_code in (200, 404)  # ?p= of an unknown id shows the home
        assert "Location" not in response
        # The 404 page's language switcher returns her to the address she typed: only that.
        assert name not in response.content.decode().replace(asked, "")

    def test_stranger_gets_no_redirect_when_a_draft_page_is_asked_by_page_id(self, client):
        response = client.get("/@open/?page_id=303")
        assert "Location" not in response
        assert b"unfinished" not in response.content

    @pytest.mark.parametrize("link", [*POST_LINKS, *TERM_LINKS, "?page_id={id}"])
    def test_stranger_gets_404_when_the_blog_is_private(self, client, link):
        response = client.get("/@closed/" + link.format(id=300, name="shown"))
        assert response.status_code == 404

    @pytest.mark.parametrize("link", POST_LINKS)
    def test_owner_is_redirected_when_the_post_is_private(self, client, owner, link):
        client.force_login(owner)
        response = client.get("/@open/" + link.format(id=302, name="diary"))
        assert (response.status_code, response["Location"]) == (301, post_url_in("open", 302))

    @pytest.mark.parametrize("link", POST_LINKS)
    def test_member_is_redirected_when_the_blog_is_private(self, client, owner, link):
        client.force_login(owner)
        response = client.get("/@closed/" + link.format(id=300, name="shown"))
        assert (response.status_code, response["Location"]) == (301, post_url_in("closed", 300))

    @pytest.mark.parametrize("link", TERM_LINKS)
    def test_member_is_redirected_to_a_term_when_the_blog_is_private(self, client, owner, link):
        client.force_login(owner)
        response = client.get("/@closed/" + link)
        assert response.status_code in (200, 301)  # the tag's slug is unchanged: its own page

    @pytest.mark.parametrize("link", [*POST_LINKS, "?page_id={id}"])
    def test_even_the_owner_gets_no_redirect_when_the_post_is_a_draft(self, client, owner, link):
        # A draft has no public page for anyone; the dashboard is where it is opened.
        client.force_login(owner)
        response = client.get("/@open/" + link.format(id=303, name="unfinished"))
        assert "Location" not in response

    @pytest.mark.parametrize("link", POST_LINKS)
    def test_stranger_is_redirected_when_the_post_is_public(self, client, link):
        response = client.get("/@open/" + link.format(id=300, name="shown"))
        assert (response.status_code, response["Location"]) == (301, post_url_in("open", 300))


def post_url_in(blog_name, wp_id):
    row = ImportedItem.objects.get(blog__name=blog_name, kind="post", key=str(wp_id))
    return row.post.get_absolute_url()
