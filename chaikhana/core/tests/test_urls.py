"""The network's absolute addresses, and every mail the product sends linking with them."""

from __future__ import annotations

import pytest

from chaikhana.core.urls import absolute_url, site_url

SITE = "https://chaikhana.example"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE + "/"


class AbsoluteUrlTests:
    def test_site_url_has_no_trailing_slash_when_the_setting_has_one(self):
        assert site_url() == SITE

    def test_path_joins_the_site_url_when_given_a_root_relative_path(self):
        assert absolute_url("/@osh/post/") == f"{SITE}/@osh/post/"

    def test_scheme_relative_address_takes_the_site_scheme_when_in_subdomain_mode(self):
        assert absolute_url("//osh.chaikhana.example/p/") == "https://osh.chaikhana.example/p/"

    def test_scheme_relative_address_stays_http_when_the_site_is_http(self, settings):
        settings.SITE_URL = "http://127.0.0.1:8000"
        assert absolute_url("//osh.localhost/p/") == "http://osh.localhost/p/"

    def test_full_address_is_unchanged_when_it_is_already_absolute(self):
        url = "https://bucket.s3.example/media/a.jpg"
        assert absolute_url(url) == url

    def test_path_keeps_the_site_port_when_the_site_has_one(self, settings):
        settings.SITE_URL = "http://127.0.0.1:8000"
        assert absolute_url("/portal/") == "http://127.0.0.1:8000/portal/"
