"""Pingback 1.0 over our XML-RPC endpoint: fault codes, defused parsing, async verification."""

from xmlrpc.client import Fault, dumps, loads

import pytest

from chaikhana.core.testing.factories import PostFactory
from chaikhana.linkbacks.models import Mention


def call(client, body):
    response = client.post("/xmlrpc.php", body, content_type="text/xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    return loads(response.content)[0][0]


def ping(client, source, target):
    return call(client, dumps((source, target), "pingback.ping"))


def fault_code(client, body):
    with pytest.raises(Fault) as caught:
        call(client, body)
    return caught.value.faultCode


class XmlRpcEndpointTests:
    def test_answers_parse_error_when_body_is_not_xml(self, client):
        assert fault_code(client, "this is not xml") == -32700

    def test_refuses_entity_bomb_when_request_declares_entities(self, client):
        bomb = (
            '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            "<methodCall><methodName>pingback.ping</methodName><params>"
            "<param><value><string>&b;</string></value></param></params></methodCall>"
        )
        assert fault_code(client, bomb) == -32700

    def test_answers_method_not_found_when_method_is_unknown(self, client):
        assert fault_code(client, dumps((), "wp.noSuchMethod")) == -32601

    def test_does_not_offer_multicall(self, client):
        calls = [{"methodName": "pingback.ping", "params": ["a", "b"]}]
        assert fault_code(client, dumps((calls,), "system.multicall")) == -32601

    @pytest.mark.parametrize("params", [(), ("http://a.example/",), ("a", "b", "c"), (1, 2)])
    def test_answers_invalid_params_when_arguments_are_wrong(self, client, params):
        assert fault_code(client, dumps(params, "pingback.ping")) == -32602

    def test_refuses_get_with_405(self, client):
        assert client.get("/xmlrpc.php").status_code == 405


class PingbackPingTests:
    def test_answers_32_when_target_post_does_not_exist(self, client, blog, remote):
        with pytest.raises(Fault) as caught:
            ping(client, remote.url("/a"), f"http://testserver/@{blog.name}/no-such-post/")
        assert caught.value.faultCode == 32

    def test_answers_32_when_target_post_is_a_draft(self, client, blog, remote):
        draft = PostFactory(blog=blog, status="draft")
        with pytest.raises(Fault) as caught:
            ping(client, remote.url("/a"), f"http://testserver{draft.get_absolute_url()}")
        assert caught.value.faultCode == 32

    def test_answers_33_when_target_is_not_a_post_of_ours(self, client, remote):
        with pytest.raises(Fault) as caught:
            ping(client, remote.url("/a"), "http://example.org/some/post/")
        assert caught.value.faultCode == 33

    def test_answers_16_when_source_is_not_an_http_url(self, client, post_url):
        with pytest.raises(Fault) as caught:
            ping(client, "file:///etc/passwd", post_url)
        assert caught.value.faultCode == 16

    def test_answers_49_when_one_host_pings_too_often(self, client, remote, post_url, settings):
        settings.LINKBACKS_RATE_PER_HOUR = 1
        ping(client, remote.url("/1"), post_url)
        with pytest.raises(Fault) as caught:
            ping(client, remote.url("/2"), post_url)
        assert caught.value.faultCode == 49

    def test_stores_verified_mention_when_source_links(self, client, remote, post_url, run_tasks):
        remote.html("/src", f'<title>Их блог</title><p>See <a href="{post_url}">this</a></p>')
        with run_tasks():
            assert isinstance(ping(client, remote.url("/src"), post_url), str)
        mention = Mention.objects.get()
        assert (mention.kind, mention.status) == ("pingback", "verified")
        assert mention.title == "Их блог"
        assert "See this" in mention.excerpt

    def test_rejects_later_when_source_does_not_link(self, client, remote, post_url, run_tasks):
        remote.html("/src", "<p>No link at all</p>")
        with run_tasks():
            ping(client, remote.url("/src"), post_url)
        assert Mention.objects.get().status == Mention.Status.REJECTED
        assert "No link at all" not in client.get(post_url).content.decode()

    def test_answers_48_when_pinged_twice(self, client, remote, post_url, run_tasks):
        remote.html("/src", f'<a href="{post_url}">x</a>')
        with run_tasks():
            ping(client, remote.url("/src"), post_url)
        with pytest.raises(Fault) as caught:
            ping(client, remote.url("/src"), post_url)
        assert caught.value.faultCode == 48

    def test_makes_no_request_when_source_is_a_private_address(
        self, client, post_url, run_tasks, settings
    ):
        settings.SAFEHTTP_ALLOW_LOOPBACK = False
        with run_tasks():
            ping(client, "http://127.0.0.1:9/admin", post_url)
        assert Mention.objects.get().status == Mention.Status.REJECTED
