"""Receiving webmentions: §3.2.1 request checks, §3.2.2 verification, §3.2.4 updates/deletes."""

import pytest

from chaikhana.blogs.models import Blog, Post
from chaikhana.core.testing.factories import PostFactory
from chaikhana.linkbacks.models import Mention


def send(client, source, target):
    return client.post("/webmention", {"source": source, "target": target})


def page_linking(target, body="", head=""):
    return (
        f"<html><head><title>Remote page</title>{head}</head><body>{body}"
        f'<p>Read <a href="{target}">this</a>.</p></body></html>'
    )


class RequestVerificationTests:
    """Webmention §3.2.1: 400 with a plain-text reason, and no fetch at all."""

    @pytest.mark.parametrize(
        ("source", "target"),
        [
            ("", "{post}"),
            ("{post}", ""),
            ("jwoijgoisdjlskjegisvjowuehjtkx", "owiejduvyeiwljjjcjmvbpsouehgd"),  # rocks receiver/2
            ("ftp://example.com/x", "{post}"),
            ("javascript:alert(1)", "{post}"),
            ("http://example.com/page", "mailto:x@example.com"),
        ],
    )
    def test_answers_400_when_source_or_target_is_not_an_http_url(
        self, client, post_url, source, target
    ):
        response = send(client, source.format(post=post_url), target.format(post=post_url))
        assert response.status_code == 400
        assert response["Content-Type"].startswith("text/plain")
        assert response.content

    def test_answers_400_when_source_equals_target(self, client, post_url):
        assert send(client, post_url, post_url + "#x").status_code == 400

    def test_answers_400_when_target_is_another_site(self, client, remote):
        assert send(client, remote.url("/a"), "http://example.org/post/").status_code == 400
        assert remote.requests == []

    def test_answers_400_when_target_is_not_a_post_page(self, client, blog, remote):
        assert send(client, remote.url("/a"), f"http://testserver/@{blog.name}/").status_code == 400

    @pytest.mark.parametrize("status", [Post.Status.DRAFT, Post.Status.PRIVATE])
    def test_answers_400_when_target_post_is_not_public(self, client, blog, remote, status):
        hidden = PostFactory(blog=blog, status=status)
        target = f"http://testserver{hidden.get_absolute_url()}"
        assert send(client, remote.url("/a"), target).status_code == 400

    def test_answers_400_when_target_blog_is_private(self, client, blog, post_url, remote):
        Blog.objects.filter(pk=blog.pk).update(visibility=Blog.Visibility.PRIVATE)
        assert send(client, remote.url("/a"), post_url).status_code == 400

    def test_answers_405_when_method_is_get(self, client):
        assert client.get("/webmention").status_code == 405

    def test_accepts_with_202_and_no_location_when_request_is_valid(
        self, client, remote, post_url, run_tasks
    ):
        remote.html("/a", page_linking(post_url))
        with run_tasks():
            response = send(client, remote.url("/a"), post_url + "#comments")
        assert response.status_code == 202
        assert "Location" not in response

    def test_answers_429_when_one_host_sends_too_many(self, client, remote, post_url, settings):
        settings.LINKBACKS_RATE_PER_HOUR = 2
        codes = [send(client, remote.url(f"/{n}"), post_url).status_code for n in range(3)]
        assert codes == [202, 202, 429]


class VerificationTests:
    """Webmention §3.2.2, run in the task."""

    @pytest.fixture
    def verify(self, client, remote, post_url, run_tasks):
        def verify(body, content_type="text/html; charset=utf-8", path="/src"):
            remote.route(path, headers=[("Content-Type", content_type)], body=body)
            with run_tasks():
                assert send(client, remote.url(path), post_url).status_code == 202
            return Mention.objects.filter(source=remote.url(path)).first()

        return verify

    @pytest.mark.parametrize(
        "markup",
        [
            '<a href="{t}">post</a>',
            '<img src="{t}" alt="">',
            '<video src="{t}"></video>',
            '<audio src="{t}"></audio>',
        ],
    )
    def test_verifies_mention_when_source_links_in_element(self, verify, post_url, markup):
        mention = verify(f"<p>{markup.format(t=post_url)}</p>")
        assert mention.status == Mention.Status.VERIFIED
        assert mention.kind == Mention.Kind.WEBMENTION

    @pytest.mark.parametrize(
        "markup",
        [
            "<p>I read {t} today</p>",
            '<!-- <a href="{t}">hidden</a> -->',
            "<p>nothing here</p>",
            '<a href="{t}extra">near miss</a>',
        ],
    )
    def test_stores_nothing_when_source_does_not_really_link(self, verify, post_url, markup):
        assert verify(markup.format(t=post_url)) is None

    def test_verifies_relative_link_when_it_resolves_to_target(self, verify, post):
        assert verify(f'<a href="http://testserver{post.get_absolute_url()}">x</a>') is not None

    def test_follows_a_redirect_on_the_source(self, client, remote, post_url, run_tasks):
        remote.route("/old", status=301, headers=[("Location", "/new")])
        remote.html("/new", page_linking(post_url))
        with run_tasks():
            send(client, remote.url("/old"), post_url)
        assert Mention.objects.get().status == Mention.Status.VERIFIED

    def test_accepts_plain_text_source_when_it_contains_target(self, verify, post_url):
        assert verify(f"see {post_url}", content_type="text/plain") is not None

    def test_reads_reply_author_and_content_when_source_is_an_h_entry(self, verify, post_url):
        mention = verify(
            f'<article class="h-entry"><a class="p-author h-card" href="https://aigul.example/">'
            f'Айгуль</a><a class="u-in-reply-to" href="{post_url}">re</a>'
            f'<div class="e-content">Чай был хорош, <b>спасибо</b>!</div></article>'
        )
        assert (mention.type, mention.author_name) == ("reply", "Айгуль")
        assert mention.author_url == "https://aigul.example/"
        assert mention.excerpt == "Чай был хорош, спасибо!"

    @pytest.mark.parametrize(("prop", "kind"), [("u-like-of", "like"), ("u-repost-of", "repost")])
    def test_recognises_like_and_repost_when_entry_says_so(self, verify, post_url, prop, kind):
        mention = verify(f'<div class="h-entry"><a class="{prop}" href="{post_url}">x</a></div>')
        assert mention.type == kind

    def test_keeps_mention_type_when_reply_is_to_another_post(self, verify, post_url):
        mention = verify(
            '<div class="h-entry"><a class="u-in-reply-to" href="https://else.example/">r</a>'
            f'<a href="{post_url}">also</a></div>'
        )
        assert mention.type == "mention"

    def test_drops_javascript_author_url_when_source_offers_one(self, verify, post_url):
        mention = verify(
            '<div class="h-entry"><a class="p-author h-card" href="javascript:alert(1)">Bad</a>'
            f'<a href="{post_url}">x</a></div>'
        )
        assert mention.author_url == ""

    def test_caps_excerpt_when_source_is_long(self, verify, post_url):
        mention = verify(f'<p>{"слово " * 2000}<a href="{post_url}">x</a></p>')
        assert len(mention.excerpt) <= 300


class UpdateAndDeleteTests:
    """Webmention §3.2.4 (webmention.rocks update/delete, receiver side)."""

    def test_updates_existing_mention_when_sent_again(self, client, remote, post_url, run_tasks):
        remote.html("/s", page_linking(post_url, head="<title>First</title>"))
        with run_tasks():
            send(client, remote.url("/s"), post_url)
        remote.html(
            "/s", f'<div class="h-entry"><a class="u-like-of" href="{post_url}">x</a></div>'
        )
        with run_tasks():
            send(client, remote.url("/s"), post_url)
        assert Mention.objects.count() == 1
        assert Mention.objects.get().type == "like"

    def test_removes_mention_when_source_no_longer_links(self, client, remote, post_url, run_tasks):
        remote.html("/s", page_linking(post_url))
        with run_tasks():
            send(client, remote.url("/s"), post_url)
        remote.html("/s", "<p>changed my mind</p>")
        with run_tasks():
            send(client, remote.url("/s"), post_url)
        assert not Mention.objects.exists()

    def test_removes_mention_when_source_answers_410(self, client, remote, post_url, run_tasks):
        remote.html("/s", page_linking(post_url))
        with run_tasks():
            send(client, remote.url("/s"), post_url)
        remote.route("/s", status=410, body=b"gone")
        with run_tasks():
            send(client, remote.url("/s"), post_url)
        assert not Mention.objects.exists()

    def test_keeps_verified_mention_when_source_fails_for_a_while(
        self, client, remote, post_url, run_tasks
    ):
        remote.html("/s", page_linking(post_url))
        with run_tasks():
            send(client, remote.url("/s"), post_url)
        remote.route("/s", status=503)
        with run_tasks():
            send(client, remote.url("/s"), post_url)
        assert Mention.objects.get().status == Mention.Status.VERIFIED
