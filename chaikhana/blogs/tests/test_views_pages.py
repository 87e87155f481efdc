"""What a reader sees on a blog's front page and on a single post."""

import gzip
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from chaikhana.blogs.models import Blog, Post, SlugRedirect
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import (
    BlogFactory,
    CategoryFactory,
    MembershipFactory,
    PostFactory,
    TagFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
STYLESHEET = Path(__file__).resolve().parents[2] / "static" / "css" / "chaikhana.css"


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def page(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


class BlogHomeTests:
    def test_shows_titles_and_summaries_of_published_posts(self, client, blog):
        PostFactory(blog=blog, title="Новости Бишкека", excerpt="Коротко о главном")
        html = page(client, f"/@{blog.name}/")
        assert "Новости Бишкека" in html
        assert "Коротко о главном" in html
        assert "<h1" in html and html.count("<h1") == 1

    def test_hides_drafts_and_pages(self, client, blog):
        PostFactory(blog=blog, title="Unfinished", status=Post.Status.DRAFT)
        PostFactory(blog=blog, title="About us", kind=Post.Kind.PAGE)
        html = page(client, f"/@{blog.name}/")
        assert "Unfinished" not in html
        assert "About us" not in html

    def test_pages_through_older_posts_when_there_are_more_than_fit(self, client, blog):
        blog.posts_per_page = 2
        blog.save()
        for n in range(5):
            PostFactory(blog=blog, title=f"Story {n}")
        first = page(client, f"/@{blog.name}/")
        third = page(client, f"/@{blog.name}/?page=3")
        assert "Story 4" in first and "Story 0" not in first
        assert "Story 0" in third and "Story 4" not in third
        assert 'rel="next" href="?page=2"' in first

    @pytest.mark.parametrize("number", ["abc", "0", "4", "-1", "1.5", "9" * 30])
    def test_answers_404_when_page_does_not_exist(self, client, blog, number):
        PostFactory(blog=blog)
        assert client.get(f"/@{blog.name}/?page={number}").status_code == 404

    def test_answers_404_when_blog_does_not_exist(self, client, db):
        assert client.get("/@nobody-here/").status_code == 404

    def test_links_its_feeds_and_names_itself(self, client, db):
        blog = BlogFactory(title="Чайхана Оша", tagline="Город у горы")
        html = page(client, f"/@{blog.name}/")
        assert (
            f'type="application/rss+xml" title="Чайхана Оша (RSS)" href="/@{blog.name}/feed/"'
            in html
        )
        atom = f'title="Чайхана Оша (Atom)" href="/@{blog.name}/feed/atom/"'
        assert f'type="application/atom+xml" {atom}' in html
        assert "Город у горы" in html
        footer = html.split('<footer class="site">')[1]
        assert "Чайхана Оша" in footer

    def test_page_language_is_the_blogs_when_listing(self, client, db):
        blog = BlogFactory(language="ky")
        assert '<html lang="ky">' in page(client, f"/@{blog.name}/")

    def test_query_count_does_not_grow_with_posts(
        self, client, blog, django_assert_max_num_queries
    ):
        category, tag = CategoryFactory(blog=blog), TagFactory(blog=blog)
        counts = []
        for total in (5, 15):
            while Post.objects.filter(blog=blog).count() < total:
                PostFactory(blog=blog).categories.add(category)
            Post.objects.first().tags.add(tag)
            Blog.objects.filter(pk=blog.pk).update(posts_per_page=total)
            # 7: federation's per-blog switch (the follow box and <link rel=alternate>).
            with django_assert_max_num_queries(7) as captured:
                assert page(client, f"/@{blog.name}/").count("<article") == total
            counts.append(len(captured))
        assert counts[0] == counts[1]


class PrivacyTests:
    def test_private_blog_is_404_to_a_stranger(self, client, db):
        blog = BlogFactory(visibility=Blog.Visibility.PRIVATE)
        post = PostFactory(blog=blog)
        client.force_login(UserFactory())
        assert client.get(f"/@{blog.name}/").status_code == 404
        assert client.get(f"/@{blog.name}/{post.slug}/").status_code == 404

    def test_private_blog_is_readable_by_its_members(self, client, db):
        blog = BlogFactory(visibility=Blog.Visibility.PRIVATE)
        PostFactory(blog=blog, title="Only for us")
        member = MembershipFactory(blog=blog, role=Role.CONTRIBUTOR)
        client.force_login(member.user)
        html = page(client, f"/@{blog.name}/")
        assert "Only for us" in html
        assert '<meta name="robots" content="noindex">' in html

    def test_private_post_is_404_to_a_stranger_and_missing_from_the_list(self, client, blog):
        post = PostFactory(blog=blog, title="Behind the curtain", status=Post.Status.PRIVATE)
        assert client.get(f"/@{blog.name}/{post.slug}/").status_code == 404
        assert "Behind the curtain" not in page(client, f"/@{blog.name}/")

    def test_private_post_is_readable_by_editors_not_by_other_authors(self, client, blog):
        post = PostFactory(blog=blog, title="Behind the curtain", status=Post.Status.PRIVATE)
        editor = MembershipFactory(blog=blog, role=Role.EDITOR)
        author = MembershipFactory(blog=blog, role=Role.AUTHOR)
        client.force_login(editor.user)
        assert "Behind the curtain" in page(client, f"/@{blog.name}/{post.slug}/")
        client.force_login(author.user)
        assert client.get(f"/@{blog.name}/{post.slug}/").status_code == 404

    def test_draft_is_404_to_readers_who_are_not_members(self, client, blog):
        post = PostFactory(blog=blog, status=Post.Status.DRAFT)
        assert client.get(f"/@{blog.name}/{post.slug}/").status_code == 404
        client.force_login(UserFactory())
        assert client.get(f"/@{blog.name}/{post.slug}/").status_code == 404

    def test_unlisted_blog_is_readable_but_asks_not_to_be_indexed(self, client, db):
        blog = BlogFactory(visibility=Blog.Visibility.UNLISTED)
        post = PostFactory(blog=blog, title="By address only")
        assert '<meta name="robots" content="noindex">' in page(client, f"/@{blog.name}/")
        assert "By address only" in page(client, f"/@{blog.name}/{post.slug}/")

    def test_public_blog_may_be_indexed(self, client, blog):
        assert 'name="robots"' not in page(client, f"/@{blog.name}/")


class PostDetailTests:
    def test_shows_title_byline_date_terms_and_body(self, client, blog):
        category = CategoryFactory(blog=blog, name="Общество")
        tag = TagFactory(blog=blog, name="выборы")
        post = PostFactory(blog=blog, title="Выборы в Оше", body_source="Текст **статьи**.")
        post.categories.add(category)
        post.tags.add(tag)
        html = page(client, f"/@{blog.name}/{post.slug}/")
        assert "<h1>Выборы в Оше</h1>" in html
        assert "Текст <strong>статьи</strong>." in html
        assert (
            f'<a href="/@{blog.name}/author/{post.author.slug}/">{post.author.pen_name}</a>' in html
        )
        assert '<time datetime="' in html
        assert f'href="/@{blog.name}/category/{category.slug}/">Общество</a>' in html
        assert f'href="/@{blog.name}/tag/{tag.slug}/">выборы</a>' in html

    def test_byline_never_shows_the_username(self, client, db):
        owner = UserFactory(username="real-name-42")
        blog = BlogFactory(owner=owner)
        post = PostFactory(blog=blog)
        html = page(client, f"/@{blog.name}/{post.slug}/")
        assert post.author.pen_name in html
        assert "real-name-42" not in html

    def test_page_and_article_take_the_posts_language(self, client, db):
        blog = BlogFactory(language="ru")
        post = PostFactory(blog=blog, language="en", title="In English")
        html = page(client, f"/@{blog.name}/{post.slug}/")
        assert '<html lang="en">' in html
        assert '<article class="post" lang="en">' in html

    def test_a_page_is_served_at_its_slug(self, client, blog):
        PostFactory(blog=blog, kind=Post.Kind.PAGE, title="О блоге", slug="about")
        assert "<h1>О блоге</h1>" in page(client, f"/@{blog.name}/about/")

    def test_old_slug_answers_301_to_the_new_address(self, client, blog):
        post = PostFactory(blog=blog, slug="new-name")
        SlugRedirect.objects.create(blog=blog, old_slug="old-name", post=post)
        response = client.get(f"/@{blog.name}/old-name/")
        assert response.status_code == 301
        assert response["Location"] == f"/@{blog.name}/new-name/"

    def test_old_slug_of_a_draft_is_404(self, client, blog):
        post = PostFactory(blog=blog, slug="new-name", status=Post.Status.DRAFT)
        SlugRedirect.objects.create(blog=blog, old_slug="old-name", post=post)
        assert client.get(f"/@{blog.name}/old-name/").status_code == 404

    def test_unknown_slug_is_404(self, client, blog):
        assert client.get(f"/@{blog.name}/no-such-post/").status_code == 404

    def test_600_word_post_arrives_in_one_round_trip_with_its_css(self, client, blog):
        words = " ".join(["слово"] * 100)
        body = "\n\n".join(f"Абзац {n}: {words}" for n in range(6))
        post = PostFactory(blog=blog, body_source=body)
        html = page(client, f"/@{blog.name}/{post.slug}/").encode()
        # The one stylesheet the page links (its theme's bundle), found the way collectstatic
        # finds it: a stylesheet outside the finders is not served.
        (href,) = re.findall(r'<link rel="stylesheet" href="/static/([^"]+)">', html.decode())
        assert href.startswith("blogs/css/")
        css = Path(finders.find(href)).read_bytes()
        assert len(gzip.compress(html)) + len(gzip.compress(css)) < 14 * 1024
        assert len(gzip.compress(css)) < 4 * 1024


class CustomCssTests:
    def test_custom_css_is_served_in_a_style_element(self, client, db):
        blog = BlogFactory(custom_css="main > h1 { color: teal; }")
        assert "<style>main > h1 { color: teal; }</style>" in page(client, f"/@{blog.name}/")

    def test_custom_css_cannot_close_its_style_element(self, client, db):
        # Saved around the validator (an old row, an import): the page must still be safe.
        blog = BlogFactory()
        Blog.objects.filter(pk=blog.pk).update(
            custom_css="p{color:red}</style><script>alert(1)</script>"
        )
        html = page(client, f"/@{blog.name}/")
        assert "<script>" not in html
        assert html.count("</style>") == 1

    def test_custom_css_is_left_out_when_saved_before_the_check_caught_it(self, client, db):
        blog = BlogFactory()
        Blog.objects.filter(pk=blog.pk).update(
            custom_css='body { color: teal; background: url("https://evil.example/t.png?)"); }'
        )
        html = page(client, f"/@{blog.name}/")
        assert "evil.example" not in html and "color: teal" not in html


class ThemeTests:
    def test_photo_blog_shows_posts_as_cards_with_cover_images(self, client, db):
        blog = BlogFactory(theme=Blog.Theme.PHOTO)
        PostFactory(blog=blog, title="Иссык-Куль", body_source="![озеро](/media/lake.jpg)")
        html = page(client, f"/@{blog.name}/")
        assert '<body class="theme-photo ' in html
        assert '<ol class="posts cards has-lead">' in html
        assert '<img src="/media/lake.jpg"' in html
        assert html.index('src="/media/lake.jpg"') < html.index("Иссык-Куль</a></h2>")

    def test_photo_blog_links_covers_instead_of_showing_them_when_reader_saves_data(
        self, client, db
    ):
        blog = BlogFactory(theme=Blog.Theme.PHOTO)
        PostFactory(blog=blog, title="Иссык-Куль", body_source="![озеро](/media/lake.jpg)")
        html = page(client, f"/@{blog.name}/", HTTP_SAVE_DATA="on")
        assert "Иссык-Куль" in html
        assert "<img" not in html
        assert '<a class="img-link" href="/media/lake.jpg">Show image</a>' in html

    def test_text_blog_shows_a_plain_list(self, client, blog):
        PostFactory(blog=blog, body_source="![озеро](/media/lake.jpg)")
        html = page(client, f"/@{blog.name}/")
        assert '<body class="theme-text ' in html
        assert "lake.jpg" not in html


class SubdomainModeTests:
    @pytest.fixture(autouse=True)
    def _subdomains(self, settings):
        settings.BLOG_HOST_MODE = "subdomain"
        settings.BLOG_DOMAIN = "chaikhana.test"
        settings.ALLOWED_HOSTS = [".chaikhana.test", "testserver"]

    def test_blog_home_is_served_at_the_blogs_host(self, client, db):
        blog = BlogFactory(name="demo", title="Демо")
        post = PostFactory(blog=blog, title="Первый пост", slug="first")
        html = page(client, "/", HTTP_HOST="demo.chaikhana.test")
        assert "Первый пост" in html
        assert 'href="//demo.chaikhana.test/first/"' in html
        assert 'href="//demo.chaikhana.test/feed/"' in html
        assert 'href="//chaikhana.test/blogs/"' in html
        assert post.get_absolute_url() == "//demo.chaikhana.test/first/"

    def test_post_is_served_at_its_slug_on_the_blogs_host(self, client, db):
        blog = BlogFactory(name="demo")
        PostFactory(blog=blog, title="Первый пост", slug="first")
        html = page(client, "/first/", HTTP_HOST="demo.chaikhana.test")
        assert "<h1>Первый пост</h1>" in html

    def test_old_slug_redirects_on_the_blogs_host(self, client, db):
        blog = BlogFactory(name="demo")
        post = PostFactory(blog=blog, slug="first")
        SlugRedirect.objects.create(blog=blog, old_slug="draft-title", post=post)
        response = client.get("/draft-title/", HTTP_HOST="demo.chaikhana.test")
        assert response.status_code == 301
        assert response["Location"] == "//demo.chaikhana.test/first/"

    def test_unknown_blog_host_is_404(self, client, db):
        assert client.get("/", HTTP_HOST="nobody.chaikhana.test").status_code == 404


class ThemePreviewTests:
    def test_owner_previews_another_theme_and_the_page_is_never_cached(self, blog, user):
        response = client_for(user).get(f"/@{blog.name}/?preview_theme=notebook")
        html = response.content.decode()
        assert '<body class="theme-notebook ' in html
        assert 'class="preview-bar"' in html
        assert "no-store" in response["Cache-Control"]

    def test_reader_asking_for_a_preview_sees_the_blog_as_it_is(self, client, blog):
        html = page(client, f"/@{blog.name}/?preview_theme=notebook")
        assert '<body class="theme-text ' in html and "preview-bar" not in html

    def test_author_who_does_not_manage_the_blog_gets_no_preview(self, blog):
        author = MembershipFactory(blog=blog, role="author").user
        html = client_for(author).get(f"/@{blog.name}/?preview_theme=photo").content.decode()
        assert '<body class="theme-text ' in html


class ThemeOptionsTests:
    def test_owner_accent_colour_comes_after_the_stylesheet_and_before_custom_css(self, client, db):
        blog = BlogFactory(accent_color="#1d3b8a", custom_css="a{color:teal}")
        html = page(client, f"/@{blog.name}/")
        assert html.index('rel="stylesheet"') < html.index("--accent:#1d3b8a") < html.index("teal")

    def test_header_image_shows_on_the_first_page_of_the_home_only(self, client, db):
        blog = BlogFactory(header_image="/media/top.jpg", posts_per_page=1)
        PostFactory(blog=blog)
        PostFactory(blog=blog)
        assert 'src="/media/top.jpg"' in page(client, f"/@{blog.name}/")
        assert "top.jpg" not in page(client, f"/@{blog.name}/?page=2")

    def test_header_image_is_left_out_when_the_reader_saves_data(self, client, db):
        blog = BlogFactory(header_image="/media/top.jpg")
        assert "top.jpg" not in page(client, f"/@{blog.name}/", HTTP_SAVE_DATA="on")
