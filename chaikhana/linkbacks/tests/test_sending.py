"""Sending (Webmention §3.1, Pingback 1.0) from real post saves to a real remote server."""

from urllib.parse import parse_qs
from xmlrpc.client import dumps, loads

import pytest

from chaikhana.blogs.actions import PostRequest, save_requested_post
from chaikhana.core.testing.factories import BlogFactory, PostFactory
from chaikhana.linkbacks import outbound
from chaikhana.linkbacks.models import OutgoingLink

OK = dumps(("Thanks!",), methodresponse=True).encode()


@pytest.fixture
def site(remote):
    """A remote site: one page with a webmention endpoint, one with pingback only, one bare."""
    remote.html("/wm", '<link rel="webmention" href="/endpoint?via=link">')
    remote.route("/endpoint", status=202)
    remote.html("/pb", "<p>old blog</p>", headers=[("X-Pingback", remote.url("/xmlrpc"))])
    remote.route("/xmlrpc", headers=[("Content-Type", "text/xml")], body=OK)
    remote.html("/bare", "<p>no endpoint</p>")
    return remote


def publish(blog, user, run_tasks, body, post=None, status="published"):
    data = PostRequest(title="Чайхана", body_source=body, status=status, slug="chaikhana")
    with run_tasks():
        return save_requested_post(blog=blog, by=user, request=data, post=post)


def sent(site, path):
    return [r for r in site.requests if r.method == "POST" and r.path.startswith(path)]


class SendingTests:
    def test_sends_webmention_with_source_and_target_when_post_is_published(
        self, blog, user, site, run_tasks
    ):
        post = publish(blog, user, run_tasks, f"See [this]({site.url('/wm')}).")
        (request,) = sent(site, "/endpoint")
        assert request.path == "/endpoint?via=link"  # Webmention §3.1.2: query kept
        form = parse_qs(request.body.decode())
        assert form == {
            "source": [f"http://testserver{post.get_absolute_url()}"],
            "target": [site.url("/wm")],
        }
        link = OutgoingLink.objects.get(target_url=site.url("/wm"))
        assert (link.status, link.protocol) == ("sent", "webmention")

    def test_calls_pingback_ping_when_page_only_advertises_pingback(
        self, blog, user, site, run_tasks
    ):
        post = publish(blog, user, run_tasks, f"See [old]({site.url('/pb')}).")
        (request,) = sent(site, "/xmlrpc")
        params, method = loads(request.body)
        assert method == "pingback.ping"
        assert params == (f"http://testserver{post.get_absolute_url()}", site.url("/pb"))

    def test_records_no_endpoint_when_page_advertises_none(self, blog, user, site, run_tasks):
        publish(blog, user, run_tasks, f"[bare]({site.url('/bare')})")
        assert OutgoingLink.objects.get().status == "none"

    def test_sends_nothing_when_post_is_a_draft(self, blog, user, site, run_tasks):
        publish(blog, user, run_tasks, f"[x]({site.url('/wm')})", status="draft")
        assert sent(site, "/") == []

    def test_never_sends_to_a_private_address(self, blog, user, site, run_tasks, settings):
        settings.SAFEHTTP_ALLOW_LOOPBACK = False
        publish(blog, user, run_tasks, f"[x]({site.url('/wm')})")
        assert site.connections == 0

    def test_re_notifies_removed_link_once_when_post_is_updated(self, blog, user, site, run_tasks):
        post = publish(blog, user, run_tasks, f"[a]({site.url('/wm')}) [b]({site.url('/pb')})")
        post = publish(blog, user, run_tasks, f"[b]({site.url('/pb')})", post=post)
        assert len(sent(site, "/endpoint")) == 2  # §3.1.3: the removed link is told
        assert OutgoingLink.objects.get(target_url=site.url("/wm")).status == "removed"
        publish(blog, user, run_tasks, f"[b]({site.url('/pb')}) more", post=post)
        assert len(sent(site, "/endpoint")) == 2  # … once
        assert len(sent(site, "/xmlrpc")) == 3  # the kept link on every update

    def test_retries_then_records_failure_when_endpoint_keeps_failing(
        self, blog, user, site, run_tasks, settings
    ):
        settings.LINKBACKS_SEND_ATTEMPTS = 3
        site.route("/endpoint", status=500)
        publish(blog, user, run_tasks, f"[a]({site.url('/wm')})")
        assert len(sent(site, "/endpoint")) == 3
        assert OutgoingLink.objects.get().status == "failed"

    @pytest.mark.parametrize("status", [200, 201, 202])
    def test_counts_2xx_as_success(self, blog, user, site, run_tasks, status):
        site.route("/endpoint", status=status)
        publish(blog, user, run_tasks, f"[a]({site.url('/wm')})")
        assert OutgoingLink.objects.get().status == "sent"

    def test_portal_story_never_notifies_a_post_of_this_network(self, post, post_url, loopback):
        portal = BlogFactory(name="portal", is_editorial=True)
        body = f"[source]({post_url}) [elsewhere](https://example.org/a)"
        story = PostFactory(blog=portal, author=None, byline="Ветер", body_source=body)
        assert outbound.links_to_notify(post=story) == ["https://example.org/a"]

    def test_blog_post_still_notifies_a_post_of_this_network(self, blog, post, post_url, loopback):
        other = PostFactory(blog=blog, body_source=f"[see]({post_url})")
        assert outbound.links_to_notify(post=other) == [post_url]
