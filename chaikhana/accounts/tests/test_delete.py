"""Deleting an account: her blogs owned alone go with it, co-owned blogs stay."""

import pytest
from django.contrib.auth import get_user
from django.urls import reverse

from chaikhana.accounts.actions import delete_account
from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog, Membership, Post
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import (
    PASSWORD,
    BlogFactory,
    MembershipFactory,
    PostFactory,
    UserFactory,
)

URL = reverse("accounts:delete")


@pytest.mark.django_db
class DeleteAccountTests:
    def test_page_explains_blogs_owned_alone_are_deleted(self, client, user):
        client.force_login(user)
        html = client.get(URL).content.decode()
        assert "Blogs you own alone are deleted with everything in them" in html
        assert '<label for="id_password"' in html

    def test_refuses_when_password_wrong(self, client, user, blog):
        client.force_login(user)
        response = client.post(URL, {"password": "not it"})
        assert "not your password" in " ".join(response.context["form"].errors["password"])
        assert User.objects.filter(pk=user.pk).exists()
        assert Blog.objects.filter(pk=blog.pk).exists()

    def test_deletes_account_and_blog_owned_alone_when_password_right(self, client, user, blog):
        PostFactory(blog=blog)
        client.force_login(user)
        response = client.post(URL, {"password": PASSWORD}, follow=True)
        assert response.redirect_chain[-1][0] == reverse("portal:home")
        assert not get_user(client).is_authenticated
        assert not User.objects.filter(pk=user.pk).exists()
        assert not Blog.objects.filter(pk=blog.pk).exists()
        assert not Post.objects.filter(blog_id=blog.pk).exists()

    def test_keeps_co_owned_blog_and_her_posts_there(self, user):
        shared = BlogFactory()  # owned by someone else
        mine = MembershipFactory(blog=shared, user=user, role=Role.OWNER, pen_name="Ай")
        post = PostFactory(blog=shared, author=mine)
        delete_account(user=user)
        assert Blog.objects.filter(pk=shared.pk).exists()
        assert not Membership.objects.filter(pk=mine.pk).exists()
        post.refresh_from_db()
        assert post.author is None and post.byline == "Ай"

    def test_keeps_blogs_where_she_was_only_an_author(self, user):
        other = BlogFactory()
        MembershipFactory(blog=other, user=user, role=Role.AUTHOR)
        delete_account(user=user)
        assert Blog.objects.filter(pk=other.pk).exists()

    def test_leaves_other_peoples_blogs_alone(self, user, blog):
        stranger_blog = BlogFactory(owner=UserFactory())
        delete_account(user=user)
        assert list(Blog.objects.all()) == [stranger_blog]
