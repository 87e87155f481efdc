"""What post pages show of linkbacks: advertised endpoints and the mentions section."""

import pytest

from chaikhana.core.testing.factories import PostFactory
from chaikhana.linkbacks.models import Mention


def mention(post, **fields):
    defaults = {
        "source": f"https://remote.example/{len(fields)}-{Mention.objects.count()}",
        "kind": "webmention",
        "status": "verified",
    }
    return Mention.objects.create(post=post, **(defaults | fields))


class AdvertisingTests:
    def test_post_page_sends_link_and_x_pingback_headers(self, client, post):
        response = client.get(post.get_absolute_url())
        assert response["Link"].endswith('<http://testserver/webmention>; rel="webmention"')
        assert response["X-Pingback"] == "http://testserver/xmlrpc.php"

    def test_post_page_has_link_elements_for_both_endpoints(self, client, post):
        html = client.get(post.get_absolute_url()).content.decode()
        assert '<link rel="webmention" href="http://testserver/webmention">' in html
        assert '<link rel="pingback" href="http://testserver/xmlrpc.php">' in html

    def test_blog_home_advertises_nothing(self, client, blog):
        assert "X-Pingback" not in client.get(f"/@{blog.name}/")

    def test_endpoints_answer_on_a_blog_host_when_in_subdomain_mode(self, client, settings, post):
        settings.BLOG_HOST_MODE, settings.BLOG_DOMAIN = "subdomain", "chai.example"
        settings.ALLOWED_HOSTS = [".chai.example", "testserver"]
        host = f"{post.blog.name}.chai.example"
        response = client.get(f"/{post.slug}/", HTTP_HOST=host)
        assert response["X-Pingback"] == f"http://{host}/xmlrpc.php"
        assert client.post("/webmention", {}, HTTP_HOST=host).status_code == 400


class MentionsSectionTests:
    def test_shows_verified_mentions_only(self, client, post):
        mention(post, title="Shown one", status="verified")
        mention(post, title="Pending one", status="pending")
        mention(post, title="Rejected one", status="rejected")
        html = client.get(post.get_absolute_url()).content.decode()
        assert "Shown one" in html
        assert "Pending one" not in html and "Rejected one" not in html

    def test_groups_likes_and_reposts_as_names(self, client, post):
        mention(post, type="reply", author_name="Бакыт", excerpt="Жакшы пост!")
        mention(post, type="like", author_name="Aidana", author_url="https://aidana.example/")
        mention(post, type="repost", author_name="Nurlan")
        html = client.get(post.get_absolute_url()).content.decode()
        assert "Жакшы пост!" in html
        assert 'rel="nofollow ugc" href="https://aidana.example/">Aidana</a>' in html
        assert "Nurlan" in html

    def test_escapes_text_from_outside(self, client, post):
        mention(post, author_name="<script>alert(1)</script>", excerpt="<img src=x onerror=a()>")
        html = client.get(post.get_absolute_url()).content.decode()
        assert "<script>alert(1)" not in html and "<img src=x" not in html
        assert "&lt;script&gt;" in html

    def test_every_outside_link_is_nofollow_ugc(self, client, post):
        mention(post, author_name="A", author_url="https://a.example/")
        html = client.get(post.get_absolute_url()).content.decode()
        section = html.split('class="mentions"')[1].split("</section>")[0]
        assert section.count("<a ") == section.count('rel="nofollow ugc"') == 2

    def test_shows_no_section_when_there_are_no_mentions(self, client, post):
        assert 'class="mentions"' not in client.get(post.get_absolute_url()).content.decode()

    @pytest.mark.parametrize("count", [1, 10])
    def test_query_count_does_not_grow_with_mentions(
        self, client, post, count, django_assert_max_num_queries
    ):
        for n in range(count):
            mention(post, source=f"https://m.example/{n}")
        client.get(post.get_absolute_url())  # warm caches
        with django_assert_max_num_queries(30) as queries:
            client.get(post.get_absolute_url())
        assert len([q for q in queries.captured_queries if "linkbacks" in q["sql"]]) == 1

    def test_other_posts_mentions_stay_on_their_page(self, client, blog, post):
        other = PostFactory(blog=blog)
        mention(other, title="Elsewhere entirely")
        assert "Elsewhere entirely" not in client.get(post.get_absolute_url()).content.decode()
