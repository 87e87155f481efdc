import pytest
from django.urls import reverse

from chaikhana.blogs.models import Post
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import BlogFactory, CategoryFactory, PostFactory
from chaikhana.writing.tests.helpers import client_for, member

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("writing:dashboard")


def fill(user, blogs):
    for _ in range(blogs):
        blog = BlogFactory(owner=user)
        PostFactory.create_batch(3, blog=blog)
        PostFactory(blog=blog, status=Post.Status.DRAFT, title=f"Draft of {blog.name}")


class DashboardTests:
    def test_lists_my_blogs_with_my_role_and_a_create_link(self, user, blog):
        guest_blog = BlogFactory()
        member(guest_blog, Role.CONTRIBUTOR, user=user)
        page = client_for(user).get(DASHBOARD).content.decode()
        assert blog.title in page and guest_blog.title in page
        assert "Owner" in page and "Contributor" in page
        assert reverse("writing:blog_create") in page

    def test_shows_my_recent_posts_and_not_others(self, user, blog):
        PostFactory(blog=blog, title="My own post")
        PostFactory(blog=BlogFactory(), title="Somebody else's post")
        page = client_for(user).get(DASHBOARD).content.decode()
        assert "My own post" in page
        assert "Somebody else" not in page

    def test_filters_my_posts_by_status(self, user, blog):
        PostFactory(blog=blog, title="Published one")
        PostFactory(blog=blog, title="Draft one", status=Post.Status.DRAFT)
        page = client_for(user).get(DASHBOARD, {"status": "draft"}).content.decode()
        assert "Draft one" in page
        assert "Published one" not in page

    def test_unknown_status_shows_everything(self, user, blog):
        PostFactory(blog=blog, title="Published one")
        page = client_for(user).get(DASHBOARD, {"status": "nonsense"}).content.decode()
        assert "Published one" in page

    def test_anonymous_visitor_is_sent_to_log_in(self, client):
        assert client.get(DASHBOARD)["Location"].startswith(reverse("accounts:login"))

    def test_query_count_does_not_grow_with_blogs_and_posts(
        self, user, django_assert_max_num_queries
    ):
        fill(user, 1)
        client = client_for(user)
        with django_assert_max_num_queries(6) as small:
            client.get(DASHBOARD)
        fill(user, 2)
        with django_assert_max_num_queries(len(small.captured_queries)):
            assert client.get(DASHBOARD).status_code == 200


class PostListTests:
    def url(self, blog):
        return reverse("writing:posts", args=[blog.name])

    def test_owner_sees_every_post(self, user, blog):
        author = member(blog, Role.AUTHOR)
        PostFactory(blog=blog, author=author, title="Author's post")
        PostFactory(blog=blog, title="Owner's post")
        page = client_for(user).get(self.url(blog)).content.decode()
        assert "Author&#x27;s post" in page and "Owner&#x27;s post" in page

    def test_author_sees_only_her_own(self, user, blog):
        author = member(blog, Role.AUTHOR)
        PostFactory(blog=blog, author=author, title="Author's post")
        PostFactory(blog=blog, title="Owner's post")
        page = client_for(author.user).get(self.url(blog)).content.decode()
        assert "Author&#x27;s post" in page
        assert "Owner&#x27;s post" not in page

    def test_filters_by_status(self, user, blog):
        PostFactory(blog=blog, title="Published one")
        PostFactory(blog=blog, title="Pending one", status=Post.Status.PENDING)
        page = client_for(user).get(self.url(blog), {"status": "pending"}).content.decode()
        assert "Pending one" in page and "Published one" not in page

    def test_is_paginated(self, user, blog):
        PostFactory.create_batch(30, blog=blog)
        client = client_for(user)
        first = client.get(self.url(blog))
        assert len(first.context["page"].object_list) == 25
        second = client.get(self.url(blog), {"page": 2})
        assert len(second.context["page"].object_list) == 5

    def test_stranger_gets_403_and_private_blog_404(self, blog):
        stranger = member(BlogFactory(), Role.OWNER).user
        assert client_for(stranger).get(self.url(blog)).status_code == 403
        private = BlogFactory(visibility="private")
        assert client_for(stranger).get(self.url(private)).status_code == 404

    def test_query_count_does_not_grow_with_posts(self, user, blog, django_assert_num_queries):
        category = CategoryFactory(blog=blog)
        for post in PostFactory.create_batch(2, blog=blog):
            post.categories.add(category)
        client = client_for(user)
        filters = {"category": category.pk, "q": "Post"}
        with django_assert_num_queries(13) as small:
            client.get(self.url(blog), filters)
        for post in PostFactory.create_batch(20, blog=blog, author=member(blog, Role.AUTHOR)):
            post.categories.add(category)
        with django_assert_num_queries(len(small.captured_queries)):
            client.get(self.url(blog), filters)

    def test_filters_by_category_and_author_when_chosen(self, user, blog):
        category = CategoryFactory(blog=blog)
        author = member(blog, Role.AUTHOR)
        PostFactory(blog=blog, title="In the category").categories.add(category)
        PostFactory(blog=blog, author=author, title="By the author")
        client = client_for(user)
        page = client.get(self.url(blog), {"category": category.pk}).content.decode()
        assert "In the category" in page and "By the author" not in page
        page = client.get(self.url(blog), {"author": author.pk}).content.decode()
        assert "By the author" in page and "In the category" not in page

    def test_author_filter_never_offers_another_blogs_member(self, user, blog):
        stranger = member(BlogFactory(), Role.AUTHOR, pen_name="Someone Elsewhere")
        PostFactory(blog=blog, title="Mine")
        page = client_for(user).get(self.url(blog), {"author": stranger.pk}).content.decode()
        assert "Someone Elsewhere" not in page and "Mine" in page

    def test_search_finds_titles_when_given_words(self, user, blog):
        PostFactory(blog=blog, title="Bazaar prices in Batken")
        PostFactory(blog=blog, title="Water by the hour")
        page = client_for(user).get(self.url(blog), {"q": "bazaar"}).content.decode()
        assert "Bazaar prices" in page and "Water by the hour" not in page

    def test_search_finds_a_cyrillic_title_when_typed_in_lower_case(self, user, blog):
        PostFactory(blog=blog, title="Вода в Оше")
        PostFactory(blog=blog, title="Цены на базаре")
        page = client_for(user).get(self.url(blog), {"q": "вода"}).content.decode()
        assert "Вода в Оше" in page and "Цены на базаре" not in page

    def test_shows_counts_per_status_in_tabs(self, user, blog):
        PostFactory.create_batch(2, blog=blog)
        PostFactory(blog=blog, status=Post.Status.DRAFT)
        page = client_for(user).get(self.url(blog)).content.decode()
        assert 'Published <span class="count">2</span>' in page
        assert 'Draft <span class="count">1</span>' in page

    def test_says_what_to_do_next_when_the_blog_has_no_posts(self, user, blog):
        page = client_for(user).get(self.url(blog)).content.decode()
        assert "Write your first post" in page

    def test_offers_to_clear_filters_when_nothing_matches(self, user, blog):
        PostFactory(blog=blog, title="Something")
        page = client_for(user).get(self.url(blog), {"q": "nothing like it"}).content.decode()
        assert "No posts match these filters." in page and "Clear filters" in page

    def test_pages_keep_the_filters(self, user, blog):
        PostFactory.create_batch(30, blog=blog, status=Post.Status.DRAFT)
        page = client_for(user).get(self.url(blog), {"status": "draft"}).content.decode()
        assert "?status=draft&amp;page=2" in page
