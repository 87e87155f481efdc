from django.test import RequestFactory

from chaikhana.core.addresses import client_address
from chaikhana.core.ratelimit import request_address_hash

REQUEST = RequestFactory()


class ClientAddressTests:
    def test_remote_addr_when_no_proxy_is_trusted(self, settings):
        settings.TRUSTED_PROXY_HOPS = 0
        request = REQUEST.get("/", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="6.6.6.6")
        assert client_address(request) == "203.0.113.5"

    def test_address_nginx_appended_when_one_proxy_is_trusted(self, settings):
        settings.TRUSTED_PROXY_HOPS = 1
        # The client wrote 6.6.6.6 itself; nginx appended the address it really saw.
        request = REQUEST.get(
            "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5"
        )
        assert client_address(request) == "203.0.113.5"

    def test_remote_addr_when_the_header_is_missing_behind_a_proxy(self, settings):
        settings.TRUSTED_PROXY_HOPS = 1
        assert client_address(REQUEST.get("/", REMOTE_ADDR="127.0.0.1")) == "127.0.0.1"

    def test_two_guests_behind_nginx_are_throttled_apart(self, settings):
        settings.TRUSTED_PROXY_HOPS = 1
        first = REQUEST.post("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1")
        second = REQUEST.post("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2")
        assert request_address_hash(first) != request_address_hash(second)
