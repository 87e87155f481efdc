"""SITE_URL: the one public address that mail (comments) and sent linkbacks both use."""

from chaikhana.comments import conf as comments_conf
from chaikhana.linkbacks import conf as linkbacks_conf


class SiteUrlTests:
    def test_comments_and_linkbacks_build_links_from_the_one_setting(self, settings):
        settings.SITE_URL = "https://chaikhana.example/"
        assert linkbacks_conf.site_url() == "https://chaikhana.example"
        assert comments_conf.absolute("/@osh/post/") == "https://chaikhana.example/@osh/post/"

    def test_subdomain_links_keep_the_site_url_scheme(self, settings):
        settings.SITE_URL = "https://chaikhana.example"
        assert (
            comments_conf.absolute("//osh.chaikhana.example/p/")
            == "https://osh.chaikhana.example/p/"
        )
