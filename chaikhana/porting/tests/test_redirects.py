"""Old WordPress addresses of an imported blog answer 301 to the new ones."""

import pytest

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
