"""Following and unfollowing blogs and tags: actions, buttons on blog pages, the list page."""

import pytest
from django.db import IntegrityError

from chaikhana.blogs.models import Blog
from chaikhana.blogs.roles import Role
from chaikhana.core.errors import ActionError
from chaikhana.core.testing.factories import (
    BlogFactory,
    MembershipFactory,
    PostFactory,
    TagFactory,
)
from chaikhana.reading.following.actions import (
    follow_blog,
    follow_tag,
    unfollow_blog,
    unfollow_tag,
)
from chaikhana.reading.following.models import BlogFollow, TagFollow

pytestmark = pytest.mark.django_db


class FollowBlogTests:
    def test_following_twice_makes_one_row(self, user):
        blog = BlogFactory()
        follow_blog(user=user, blog=blog)
        follow_blog(user=user, blog=blog)
        assert BlogFollow.objects.filter(user=user, blog=blog).count() == 1

    def test_database_refuses_a_second_row(self, user):
        blog = BlogFactory()
        BlogFollow.objects.create(user=user, blog=blog)
        with pytest.raises(IntegrityError):
            BlogFollow.objects.create(user=user, blog=blog)

    def test_unfollowing_twice_is_not_an_error(self, user):
        blog = BlogFactory()
        follow_blog(user=user, blog=blog)
        unfollow_blog(user=user, blog=blog)
        unfollow_blog(user=user, blog=blog)
        assert not BlogFollow.objects.filter(user=user).exists()

    def test_unlisted_blog_can_be_followed(self, user):
        blog = BlogFactory(visibility=Blog.Visibility.UNLISTED)
        follow_blog(user=user, blog=blog)
        assert BlogFollow.objects.filter(user=user, blog=blog).exists()

    def test_private_blog_is_refused_when_not_a_member(self, user):
        blog = BlogFactory(visibility=Blog.Visibility.PRIVATE)
        with pytest.raises(ActionError):
            follow_blog(user=user, blog=blog)
        assert not BlogFollow.objects.exists()

    def test_private_blog_can_be_followed_by_a_member(self, user):
        blog = BlogFactory(visibility=Blog.Visibility.PRIVATE)
        MembershipFactory(blog=blog, user=user, role=Role.AUTHOR)
        follow_blog(user=user, blog=blog)
        assert BlogFollow.objects.filter(user=user, blog=blog).exists()


class FollowTagTests:
    def test_following_twice_makes_one_row_with_the_tags_name(self, user):
        TagFactory(blog=BlogFactory(), name="выборы", slug="vybory")
        follow_tag(user=user, slug="vybory")
        follow_tag(user=user, slug="vybory")
        assert list(TagFollow.objects.values_list("slug", "name")) == [("vybory", "выборы")]

    def test_database_refuses_a_second_row(self, user):
        TagFollow.objects.create(user=user, slug="vybory")
        with pytest.raises(IntegrityError):
            TagFollow.objects.create(user=user, slug="vybory")

    @pytest.mark.parametrize("bad", ["", "no spaces", "a/b", "x" * 101, "<script>"])
    def test_a_slug_that_is_no_tag_is_refused(self, user, bad):
        with pytest.raises(ActionError):
            follow_tag(user=user, slug=bad)
        assert not TagFollow.objects.exists()

    def test_unfollowing_twice_is_not_an_error(self, user):
        follow_tag(user=user, slug="vybory")
        unfollow_tag(user=user, slug="vybory")
        unfollow_tag(user=user, slug="vybory")
        assert not TagFollow.objects.exists()


class FollowButtonTests:
    def test_blog_home_offers_a_follow_form_to_a_signed_in_reader(self, client, user):
        blog = BlogFactory()
        client.force_login(user)
        html = client.get(f"/@{blog.name}/").content.decode()
        assert 'action="/reader/follow/blog/"' in html
        assert f'name="blog" value="{blog.name}"' in html
        assert "csrfmiddlewaretoken" in html

    def test_button_follows_then_unfollows_and_comes_back(self, client, user):
        blog = BlogFactory()
        client.force_login(user)
        back = f"/@{blog.name}/"
        response = client.post("/reader/follow/blog/", {"blog": blog.name, "next": back})
        assert response.status_code == 302 and response["Location"] == back
        html = client.get(back).content.decode()
        assert 'action="/reader/unfollow/blog/"' in html
        client.post("/reader/unfollow/blog/", {"blog": blog.name, "next": back})
        assert not BlogFollow.objects.filter(user=user).exists()

    def test_next_to_another_site_is_ignored(self, client, user):
        blog = BlogFactory()
        client.force_login(user)
        response = client.post(
            "/reader/follow/blog/", {"blog": blog.name, "next": "https://evil.example/"}
        )
        assert response["Location"] == f"/@{blog.name}/"

    def test_anonymous_reader_sees_a_log_in_link(self, client, db):
        blog = BlogFactory()
        html = client.get(f"/@{blog.name}/").content.decode()
        assert f'href="/accounts/login/?next=/%40{blog.name}/"' in html
        assert "/reader/follow/blog/" not in html

    def test_anonymous_post_goes_to_log_in(self, client, db):
        blog = BlogFactory()
        response = client.post("/reader/follow/blog/", {"blog": blog.name})
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        assert not BlogFollow.objects.exists()

    def test_following_a_private_blog_from_outside_is_404(self, client, user):
        blog = BlogFactory(visibility=Blog.Visibility.PRIVATE)
        client.force_login(user)
        assert client.post("/reader/follow/blog/", {"blog": blog.name}).status_code == 404
        assert client.post("/reader/follow/blog/", {"blog": "no-such"}).status_code == 404

    def test_get_is_not_allowed(self, client, user):
        client.force_login(user)
        assert client.get("/reader/follow/blog/").status_code == 405

    def test_tag_page_offers_to_follow_the_tag(self, client, user):
        blog = BlogFactory()
        TagFactory(blog=blog, name="выборы", slug="vybory")
        client.force_login(user)
        html = client.get(f"/@{blog.name}/tag/vybory/").content.decode()
        assert 'action="/reader/follow/tag/"' in html and 'value="vybory"' in html
        client.post("/reader/follow/tag/", {"tag": "vybory"})
        assert TagFollow.objects.filter(user=user, slug="vybory").exists()
        html = client.get(f"/@{blog.name}/tag/vybory/").content.decode()
        assert 'action="/reader/unfollow/tag/"' in html

    def test_other_archives_have_no_tag_button(self, client, user):
        blog = BlogFactory()
        author = blog.memberships.get()
        client.force_login(user)
        html = client.get(f"/@{blog.name}/author/{author.slug}/").content.decode()
        assert "/reader/follow/tag/" not in html

    def test_a_bad_tag_gets_a_message_not_an_error_page(self, client, user):
        client.force_login(user)
        response = client.post("/reader/follow/tag/", {"tag": "no spaces"}, follow=True)
        assert response.status_code == 200
        assert "This is not a tag." in response.content.decode()


class FollowingPageTests:
    def test_lists_blogs_and_tags_with_unfollow_buttons(self, client, user):
        blog = BlogFactory(title="Голос Таласа")
        follow_blog(user=user, blog=blog)
        TagFactory(blog=blog, name="выборы", slug="vybory")
        follow_tag(user=user, slug="vybory")
        client.force_login(user)
        html = client.get("/reader/following/").content.decode()
        assert "Голос Таласа" in html and "#выборы" in html
        assert html.count('action="/reader/unfollow/') == 2

    def test_hides_a_private_blog_she_left(self, client, user):
        blog = BlogFactory(title="Closed circle", visibility=Blog.Visibility.PRIVATE)
        membership = MembershipFactory(blog=blog, user=user)
        follow_blog(user=user, blog=blog)
        membership.delete()
        client.force_login(user)
        assert "Closed circle" not in client.get("/reader/following/").content.decode()

    def test_needs_login(self, client, db):
        assert client.get("/reader/following/").status_code == 302


class NetworkTagFeedTests:
    def test_lists_tagged_posts_of_listed_blogs_only(self, client, db):
        public, unlisted = BlogFactory(), BlogFactory(visibility=Blog.Visibility.UNLISTED)
        for blog, title in ((public, "Open news"), (unlisted, "Hidden news")):
            PostFactory(blog=blog, title=title).tags.add(TagFactory(blog=blog, slug="vybory"))
        PostFactory(blog=public, title="Untagged")
        body = client.get("/tag/vybory/feed/").content.decode()
        assert "Open news" in body
        assert "Hidden news" not in body and "Untagged" not in body

    def test_unknown_tag_is_404(self, client, db):
        assert client.get("/tag/nothing/feed/").status_code == 404
