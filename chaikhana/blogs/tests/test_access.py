from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from chaikhana.blogs.access import (
    MovedPost,
    access_blog,
    access_blog_as_member,
    access_blog_for_manage,
    access_post,
    access_public_post,
    dashboard_posts,
)
from chaikhana.blogs.actions import PostRequest, save_requested_post
from chaikhana.blogs.models import Blog, Post
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import (
    BlogFactory,
    MembershipFactory,
    PostFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


class AccessBlogTests:
    def test_refused_as_suspended_when_blog_is_deactivated(self, blog, user):
        Blog.objects.filter(pk=blog.pk).update(is_active=False)
        with pytest.raises(PermissionDenied, match="suspended"):
            access_blog(user, blog.name)

    def test_not_found_when_suspended_blog_is_private_and_reader_a_stranger(self, blog):
        Blog.objects.filter(pk=blog.pk).update(is_active=False, visibility="private")
        with pytest.raises(Http404):
            access_blog(UserFactory(), blog.name)

    def test_not_found_when_address_is_unknown(self):
        with pytest.raises(Http404):
            access_blog(AnonymousUser(), "nowhere")

    def test_member_of_another_blog_not_let_in_when_blog_is_private(self, user):
        private = BlogFactory(visibility=Blog.Visibility.PRIVATE)
        BlogFactory(owner=user)
        with pytest.raises(Http404):
            access_blog(user, private.name)

    def test_stranger_forbidden_from_dashboard_when_blog_is_public(self, blog):
        with pytest.raises(PermissionDenied):
            access_blog_as_member(UserFactory(), blog.name)

    def test_editor_forbidden_from_settings_when_she_is_not_owner(self, blog, user):
        editor = MembershipFactory(blog=blog, role=Role.EDITOR).user
        with pytest.raises(PermissionDenied):
            access_blog_for_manage(editor, blog.name)
        assert access_blog_for_manage(user, blog.name)[0] == blog


class AccessPublicPostTests:
    def test_not_found_when_post_is_scheduled(self, blog):
        post = PostFactory(
            blog=blog,
            status=Post.Status.SCHEDULED,
            published_at=timezone.now() + timedelta(hours=1),
        )
        with pytest.raises(Http404):
            access_public_post(None, blog, None, post.slug)

    def test_not_found_when_slug_belongs_to_another_blog(self, blog):
        other = PostFactory(slug="shared")
        with pytest.raises(Http404):
            access_public_post(None, blog, None, other.slug)

    def test_moved_when_reader_opens_an_old_slug(self, blog, user):
        data = PostRequest(title="Old", status=Post.Status.PUBLISHED)
        post = save_requested_post(blog=blog, by=user, request=data)
        data.slug = "new"
        save_requested_post(blog=blog, by=user, post=post, request=data)
        with pytest.raises(MovedPost) as moved:
            access_public_post(None, blog, None, "old")
        assert moved.value.post.slug == "new"

    def test_old_slug_not_found_when_post_went_back_to_draft(self, blog, user):
        data = PostRequest(title="Old", status=Post.Status.PUBLISHED)
        post = save_requested_post(blog=blog, by=user, request=data)
        data.slug, data.status = "new", Post.Status.DRAFT
        save_requested_post(blog=blog, by=user, post=post, request=data)
        with pytest.raises(Http404):
            access_public_post(None, blog, None, "old")


class AccessPostTests:
    def test_not_found_when_post_id_is_of_another_blog(self, blog, user):
        foreign = PostFactory()
        with pytest.raises(Http404):
            access_post(user, blog, foreign.pk, for_edit=True)


class DashboardPostsTests:
    def test_author_sees_only_her_own_posts_when_listing(self, blog):
        author = MembershipFactory(blog=blog, role=Role.AUTHOR)
        mine = PostFactory(blog=blog, author=author, status=Post.Status.DRAFT)
        PostFactory(blog=blog)
        PostFactory(author=None)
        listed = Post.objects.filter(dashboard_posts(author.user, blog, author))
        assert list(listed) == [mine]

    def test_editor_sees_all_posts_of_the_blog_when_listing(self, blog):
        editor = MembershipFactory(blog=blog, role=Role.EDITOR)
        posts = {PostFactory(blog=blog), PostFactory(blog=blog, status=Post.Status.DRAFT)}
        PostFactory()  # another blog's
        assert set(Post.objects.filter(dashboard_posts(editor.user, blog, editor))) == posts
