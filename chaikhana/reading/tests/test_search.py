"""Search as readers use it, on whichever backend the database has (SQLite or PostgreSQL)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from chaikhana.blogs.models import Blog, Post
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import BlogFactory, MembershipFactory, PostFactory
from chaikhana.reading.search.actions import index_post
from chaikhana.reading.search.query import RESULTS_PER_PAGE

pytestmark = pytest.mark.django_db

NASTY_QUERIES = [
    '"',
    '""',
    '"unclosed',
    "*",
    "журнал*",
    "NEAR(a b, 2)",
    "a NEAR b",
    "AND",
    "a AND OR NOT b",
    "-",
    "-журналисты",
    "(",
    "((a) OR b",
    "^a",
    "title:x",
    ":",
    "a:b:c",
    "{a b}",
    "'; DROP TABLE blogs_post; --",
    "!@#$%^&*()_+=[]{}|\\;:'\",.<>/?`~",
    "%",
    "_",
    "\x00",
    "a & b | !c <-> d",
    "😀",
]


def indexed(**fields) -> Post:
    """A post as the index sees it after its publish action's task ran."""
    post = PostFactory(**fields)
    index_post(post_id=post.pk)
    return post


def result_links(response) -> list[str]:
    """The addresses of the results a reader sees, in order."""
    assert response.status_code == 200
    return re.findall(r'<h2><a href="([^"]+)"', response.content.decode())


def search(client, query: str, blog: Blog | None = None, **params):
    path = f"/@{blog.name}/search/" if blog else "/search/"
    return client.get(path, {"q": query, **params})


class NetworkSearchTests:
    def test_finds_post_when_query_is_another_russian_form(self, client, blog):
        post = indexed(blog=blog, title="Новости", body_source="Письмо журналистов из Оша.")
        assert result_links(search(client, "журналисты")) == [post.get_absolute_url()]

    def test_finds_post_when_query_is_another_english_form(self, client, blog):
        post = indexed(blog=blog, language="en", title="Notes", body_source="The journalist wrote.")
        assert result_links(search(client, "journalists")) == [post.get_absolute_url()]

    def test_finds_post_when_query_is_another_kyrgyz_form(self, client, blog):
        post = indexed(blog=blog, language="ky", title="Кабар", body_source="Бишкекте жаңылыктар.")
        assert result_links(search(client, "Бишкектен жаңылыктарыбыз")) == [post.get_absolute_url()]

    def test_needs_every_word_when_query_has_several(self, client, blog):
        both = indexed(blog=blog, title="Ош", body_source="Выборы и журналисты в Оше.")
        indexed(blog=blog, title="Нарын", body_source="Выборы в Нарыне.")
        assert result_links(search(client, "журналисты выборы")) == [both.get_absolute_url()]

    def test_ranks_title_match_first_when_other_post_mentions_word_in_text(self, client, blog):
        mention = indexed(blog=blog, title="Неделя", body_source="Вода, хлеб, потом о горах.")
        about = indexed(blog=blog, title="Горы Тянь-Шаня", body_source="Вода и хлеб в пути.")
        links = result_links(search(client, "горы"))
        assert links == [about.get_absolute_url(), mention.get_absolute_url()]

    def test_highlights_query_words_when_they_match(self, client, blog):
        indexed(blog=blog, title="Журналисты", body_source="Письмо журналистов.")
        page = search(client, "журналист").content.decode()
        assert "<mark>Журналисты</mark>" in page
        assert "Письмо <mark>журналистов</mark>." in page

    def test_leaves_out_unlisted_and_private_blogs(self, client, user):
        listed = indexed(blog=BlogFactory(), body_source="Горы")
        for visibility in (Blog.Visibility.UNLISTED, Blog.Visibility.PRIVATE):
            indexed(blog=BlogFactory(visibility=visibility), body_source="Горы")
        client.force_login(user)
        assert result_links(search(client, "горы")) == [listed.get_absolute_url()]

    def test_leaves_out_inactive_blogs(self, client):
        indexed(blog=BlogFactory(is_active=False), body_source="Горы")
        assert result_links(search(client, "горы")) == []

    def test_says_how_many_posts_match(self, client, blog):
        for _ in range(3):
            indexed(blog=blog, body_source="Горы")
        assert "3 posts found for “горы”." in search(client, "горы").content.decode()


class SearchPagesTests:
    def test_pages_results_when_more_match_than_fit(self, client, blog):
        posts = [indexed(blog=blog, body_source="Горы") for _ in range(RESULTS_PER_PAGE + 2)]
        first = result_links(search(client, "горы"))
        second = result_links(search(client, "горы", page=2))
        assert len(first) == RESULTS_PER_PAGE and len(second) == 2
        assert sorted(first + second) == sorted(p.get_absolute_url() for p in posts)
        assert (
            'href="?q=%D0%B3%D0%BE%D1%80%D1%8B&amp;page=2"'
            in search(client, "горы").content.decode()
        )

    @pytest.mark.parametrize("page", ["2", "0", "-1", "abc", "1.5", "9" * 30])
    def test_answers_404_when_page_does_not_exist(self, client, blog, page):
        indexed(blog=blog, body_source="Горы")
        assert search(client, "горы", page=page).status_code == 404
        assert search(client, "горы", blog=blog, page=page).status_code == 404

    def test_query_count_stays_the_same_when_page_has_more_results(self, client, blog):
        indexed(blog=blog, body_source="Горы")
        few = _queries(client, "горы", blog)
        for _ in range(RESULTS_PER_PAGE):
            indexed(blog=BlogFactory(), body_source="Горы", language="en")
            indexed(blog=blog, body_source="Горы", language="ky")
        assert _queries(client, "горы", blog) == few == 4  # blog, count, ids, documents
        assert _queries(client, "горы", None) == 3


def _queries(client, query: str, blog: Blog | None) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert result_links(search(client, query, blog))
    return len(captured)


class BlogSearchTests:
    def test_finds_only_this_blogs_posts(self, client, blog):
        own = indexed(blog=blog, body_source="Горы")
        indexed(blog=BlogFactory(), body_source="Горы")
        assert result_links(search(client, "горы", blog)) == [own.get_absolute_url()]

    def test_finds_posts_when_blog_is_unlisted_and_reader_has_its_address(self, client):
        blog = BlogFactory(visibility=Blog.Visibility.UNLISTED)
        post = indexed(blog=blog, body_source="Горы")
        assert result_links(search(client, "горы", blog)) == [post.get_absolute_url()]

    def test_answers_404_when_blog_is_private_and_reader_is_not_a_member(self, client, user):
        blog = BlogFactory(visibility=Blog.Visibility.PRIVATE)
        indexed(blog=blog, body_source="Горы")
        assert search(client, "горы", blog).status_code == 404
        client.force_login(user)
        assert search(client, "горы", blog).status_code == 404

    def test_finds_posts_when_blog_is_private_and_reader_is_a_member(self, client, user):
        blog = BlogFactory(visibility=Blog.Visibility.PRIVATE)
        MembershipFactory(blog=blog, user=user, role=Role.CONTRIBUTOR)
        post = indexed(blog=blog, body_source="Горы")
        client.force_login(user)
        assert result_links(search(client, "горы", blog)) == [post.get_absolute_url()]


class UnpublishedPostsTests:
    """Drafts, pending, scheduled and private posts stay out of every reader's results."""

    @pytest.fixture
    def hidden(self, blog):
        posts = [
            indexed(blog=blog, status=status, body_source="Горы")
            for status in (Post.Status.DRAFT, Post.Status.PENDING, Post.Status.PRIVATE)
        ]
        posts.append(indexed(blog=blog, status=Post.Status.SCHEDULED, body_source="Горы"))
        return posts

    @pytest.mark.parametrize("reader", ["anonymous", "stranger", "contributor", "owner"])
    def test_never_appear_when_anyone_searches(self, client, blog, hidden, reader):
        if reader == "owner":
            client.force_login(blog.memberships.get().user)
        elif reader != "anonymous":
            membership = MembershipFactory(blog=blog, role=Role.CONTRIBUTOR)
            client.force_login(
                membership.user if reader == "contributor" else BlogFactory().memberships.get().user
            )
        assert result_links(search(client, "горы")) == []
        assert result_links(search(client, "горы", blog)) == []

    def test_disappears_when_post_leaves_publication_before_reindexing(self, client, blog):
        post = indexed(blog=blog, body_source="Горы")
        Post.objects.filter(pk=post.pk).update(status=Post.Status.DRAFT)  # no signal, no task
        assert result_links(search(client, "горы")) == []


class SearchInputTests:
    def test_invites_a_query_when_query_is_empty(self, client, blog):
        for response in (search(client, ""), search(client, "", blog), client.get("/search/")):
            assert response.status_code == 200
            assert "Type a word or two to search for." in response.content.decode()
            assert result_links(response) == []

    def test_asks_for_words_when_query_is_only_punctuation(self, client, blog):
        response = search(client, '"*()^:-')
        assert "Your search has no words in it." in response.content.decode()

    def test_uses_first_characters_and_says_so_when_query_is_huge(self, client, blog):
        post = indexed(blog=blog, body_source="Горы")
        response = search(client, "горы " + "x" * 10_000)
        assert "only its first 200 characters were used" in response.content.decode()
        assert result_links(response) == []  # the cut query still needs its long word
        response = search(client, "горы " * 2_000)
        assert result_links(response) == [post.get_absolute_url()]

    @pytest.mark.parametrize("query", NASTY_QUERIES)
    def test_answers_without_error_when_query_has_operators(self, client, blog, query):
        indexed(blog=blog, title="a b c", body_source="журналисты NEAR title x")
        assert search(client, query).status_code == 200
        assert search(client, query, blog).status_code == 200

    def test_finds_words_when_query_wraps_them_in_operators(self, client, blog):
        post = indexed(blog=blog, body_source="Журналисты пишут")
        assert result_links(search(client, '"журналисты" AND (пишут*)')) == [
            post.get_absolute_url()
        ]


class SearchFormTests:
    def test_blog_home_has_labelled_form_that_searches_the_blog(self, client, blog):
        page = client.get(blog.get_absolute_url()).content.decode()
        assert f'action="/@{blog.name}/search/"' in page
        assert '<label for="blog-search-q">' in page and 'id="blog-search-q" name="q"' in page

    def test_directory_has_labelled_form_that_searches_the_network(self, client, db):
        page = client.get("/blogs/").content.decode()
        assert 'action="/search/"' in page
        assert '<label for="network-search-q">' in page and 'id="network-search-q"' in page
