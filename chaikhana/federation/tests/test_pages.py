"""Post pages and blog homes: the same address gives servers JSON and readers the page, and
the page cache never hands one the other's; the follow box and the remote-follow form."""

import pytest
from django.utils.html import escape

from chaikhana.core.testing.factories import BlogFactory, PostFactory, TagFactory

pytestmark = pytest.mark.django_db
AP = "application/activity+json"
LD = 'application/ld+json; profile="https://www.w3.org/ns/activitystreams"'


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "http://testserver"


class ContentNegotiationTests:
    @pytest.mark.parametrize("accept", [AP, LD])
    def test_a_post_url_gives_servers_the_article(self, client, post, accept):
        response = client.get(post.get_absolute_url(), headers={"accept": accept})
        assert response.status_code == 200
        assert response["Content-Type"] == AP
        data = response.json()
        assert data["type"] == "Article"
        assert data["id"] == f"http://testserver/ap/posts/{post.pk}"
        assert data["url"]["href"] == f"http://testserver{post.get_absolute_url()}"
        assert data["attributedTo"] == f"http://testserver/ap/@{post.blog.name}"

    def test_the_page_cache_keeps_pages_and_json_apart(self, client, post):
        url = post.get_absolute_url()
        page = client.get(url)  # stored by the page cache
        assert "Accept" in page["Vary"]
        json_answer = client.get(url, headers={"accept": AP})
        again = client.get(url)
        assert page["Content-Type"].startswith("text/html")
        assert json_answer["Content-Type"] == AP
        assert again["Content-Type"].startswith("text/html")
        assert client.get(url, headers={"accept": AP}).json()["type"] == "Article"

    def test_a_blog_home_gives_servers_the_actor(self, client, blog):
        data = client.get(blog.get_absolute_url(), headers={"accept": AP}).json()
        assert data["id"] == f"http://testserver/ap/@{blog.name}"

    def test_an_unlisted_blog_gives_only_its_page(self, client):
        blog = BlogFactory(visibility="unlisted")
        post = PostFactory(blog=blog)
        for url in (blog.get_absolute_url(), post.get_absolute_url()):
            response = client.get(url, headers={"accept": AP})
            assert response["Content-Type"].startswith("text/html")
        assert client.get(f"/ap/posts/{post.pk}").status_code == 404

    def test_the_article_carries_tags_images_and_alt_text(self, client, blog):
        tag = TagFactory(blog=blog, name="tea prices", slug="tea-prices")
        post = PostFactory(blog=blog, body_source="Look: ![A full teapot](/media/x/teapot.jpg)")
        post.tags.add(tag)
        data = client.get(f"/ap/posts/{post.pk}").json()
        assert data["tag"] == [
            {
                "type": "Hashtag",
                "name": "#teaprices",
                "href": f"http://testserver/@{blog.name}/tag/tea-prices/",
            }
        ]
        assert data["attachment"] == [
            {
                "type": "Image",
                "url": "http://testserver/media/x/teapot.jpg",
                "name": "A full teapot",
            }
        ]

    def test_pages_link_their_json(self, client, post):
        html = client.get(post.get_absolute_url()).content.decode()
        assert (
            f'<link rel="alternate" type="{AP}" href="http://testserver/ap/posts/{post.pk}">'
            in html
        )
        home = client.get(post.blog.get_absolute_url()).content.decode()
        assert (
            f'<link rel="alternate" type="{AP}" href="http://testserver/ap/@{post.blog.name}">'
            in home
        )


class FollowBoxTests:
    def test_the_blog_home_shows_the_handle_and_a_form(self, client, blog):
        html = client.get(blog.get_absolute_url()).content.decode()
        assert f'value="@{blog.name}@testserver"' in html
        assert 'action="http://testserver/ap/follow"' in html

    def test_the_form_sends_the_reader_to_her_server(self, client, blog):
        response = client.get("/ap/follow", {"blog": blog.name, "server": "@me@Mastodon.Social"})
        assert response.status_code == 200
        go = f"https://mastodon.social/authorize_interaction?uri=acct%3A{blog.name}%40testserver"
        assert f'href="{go}"' in response.content.decode()

    @pytest.mark.parametrize("server", ["", "javascript:alert(1)", "a b.c", "localhost"])
    def test_a_server_that_is_no_host_name_comes_back_with_the_reason(self, client, blog, server):
        response = client.get("/ap/follow", {"blog": blog.name, "server": server})
        assert response.status_code == 400
        html = response.content.decode()
        assert "Give the address of your server" in html
        assert f'value="{escape(server)}"' in html
        assert "authorize_interaction" not in html

    def test_an_unlisted_blog_has_no_box(self, client):
        blog = BlogFactory(visibility="unlisted")
        assert "fediverse-follow" not in client.get(blog.get_absolute_url()).content.decode()


class ReactionsTests:
    def test_likes_and_boosts_show_under_the_post_with_who_gave_them(self, client, post):
        from django.utils import timezone

        from chaikhana.federation.models import Reaction, RemoteActor

        for n, kind in enumerate(["like", "like", "announce"]):
            remote = RemoteActor.objects.create(
                uri=f"https://social.example/users/r{n}",
                host="social.example",
                inbox="https://social.example/inbox",
                name=f"Reader <b>{n}</b>",
                url=f"https://social.example/@r{n}",
                key_id=f"k{n}",
                public_pem="x",
                fetched_at=timezone.now(),
            )
            Reaction.objects.create(
                post=post, remote=remote, kind=kind, activity_uri=f"https://social.example/a{n}"
            )
        html = client.get(post.get_absolute_url()).content.decode()
        assert "2 likes" in html and "1 boost" in html
        assert (
            'href="https://social.example/@r2" rel="nofollow ugc noopener">'
            "Reader &lt;b&gt;2&lt;/b&gt;" in html
        )

    def test_nothing_shows_without_reactions(self, client, post):
        assert "fediverse-reactions" not in client.get(post.get_absolute_url()).content.decode()
