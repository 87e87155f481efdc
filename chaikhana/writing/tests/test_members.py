import pytest
from django.urls import reverse

from chaikhana.blogs.models import Membership
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import BlogFactory, UserFactory
from chaikhana.writing.tests.helpers import client_for, member

pytestmark = pytest.mark.django_db


def members_url(blog):
    return reverse("writing:members", args=[blog.name])


class MembersPageTests:
    def test_owner_sees_members_with_roles_and_pen_names(self, user, blog):
        author = member(blog, Role.AUTHOR, pen_name="Ночной ветер")
        page = client_for(user).get(members_url(blog)).content.decode()
        assert "Ночной ветер" in page
        assert author.get_role_display() in page

    def test_editor_gets_403(self, blog):
        editor = member(blog, Role.EDITOR).user
        assert client_for(editor).get(members_url(blog)).status_code == 403

    def test_owner_adds_existing_user_by_username(self, user, blog):
        newcomer = UserFactory(username="aibek")
        response = client_for(user).post(
            members_url(blog), {"username": "aibek", "role": "contributor", "pen_name": "Айбек"}
        )
        assert response.status_code == 302
        added = Membership.objects.get(blog=blog, user=newcomer)
        assert (added.role, added.pen_name) == (Role.CONTRIBUTOR, "Айбек")

    def test_unknown_username_gets_message_next_to_the_field(self, user, blog):
        response = client_for(user).post(
            members_url(blog), {"username": "nobody", "role": "author", "pen_name": "X"}
        )
        assert "There is no one with this username" in response.content.decode()
        assert response.context["add_form"].errors["username"]

    def test_adding_a_member_twice_says_so(self, user, blog):
        existing = member(blog, Role.AUTHOR)
        response = client_for(user).post(
            members_url(blog),
            {"username": existing.user.username, "role": "author", "pen_name": "Again"},
        )
        assert "already a member" in response.content.decode()

    def test_owner_changes_a_role(self, user, blog):
        author = member(blog, Role.AUTHOR)
        url = reverse("writing:member_change", args=[blog.name, author.pk])
        client_for(user).post(
            url, {f"m{author.pk}-role": "editor", f"m{author.pk}-pen_name": author.pen_name}
        )
        author.refresh_from_db()
        assert author.role == Role.EDITOR

    def test_last_owner_cannot_step_down(self, user, blog):
        owner = Membership.objects.get(blog=blog, user=user)
        url = reverse("writing:member_change", args=[blog.name, owner.pk])
        response = client_for(user).post(
            url, {f"m{owner.pk}-role": "author", f"m{owner.pk}-pen_name": owner.pen_name}
        )
        assert "A blog needs at least one owner" in response.content.decode()
        owner.refresh_from_db()
        assert owner.role == Role.OWNER

    def test_last_owner_cannot_be_removed(self, user, blog):
        owner = Membership.objects.get(blog=blog, user=user)
        url = reverse("writing:member_remove", args=[blog.name, owner.pk])
        response = client_for(user).post(url, follow=True)
        assert "A blog needs at least one owner" in response.content.decode()
        assert Membership.objects.filter(pk=owner.pk).exists()

    def test_owner_removes_a_member(self, user, blog):
        author = member(blog, Role.AUTHOR)
        url = reverse("writing:member_remove", args=[blog.name, author.pk])
        client_for(user).post(url)
        assert not Membership.objects.filter(pk=author.pk).exists()

    def test_asks_before_removing_a_member_when_opened(self, user, blog):
        author = member(blog, Role.AUTHOR, pen_name="Aigul")
        url = reverse("writing:member_remove", args=[blog.name, author.pk])
        page = client_for(user).get(url).content.decode()
        assert "Remove Aigul from the blog?" in page
        assert Membership.objects.filter(pk=author.pk).exists()

    def test_member_of_another_blog_is_not_found(self, user, blog):
        elsewhere = Membership.objects.get(blog=BlogFactory())
        url = reverse("writing:member_remove", args=[blog.name, elsewhere.pk])
        assert client_for(user).post(url).status_code == 404
        assert Membership.objects.filter(pk=elsewhere.pk).exists()
