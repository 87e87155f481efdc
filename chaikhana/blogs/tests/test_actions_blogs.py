import pytest
from django.core.exceptions import PermissionDenied

from chaikhana.blogs import signals
from chaikhana.blogs.actions import (
    add_member,
    change_member,
    create_blog,
    delete_blog,
    remove_member,
    update_blog,
)
from chaikhana.blogs.models import Blog, Membership, Post
from chaikhana.blogs.roles import Role
from chaikhana.core.errors import ActionError
from chaikhana.core.testing.factories import (
    BlogFactory,
    MembershipFactory,
    PostFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def new_blog(owner, name="chaikhana-news", **fields):
    values = {"title": "Чайхана", "pen_name": "Айгүл Асанова", "language": "ky"} | fields
    return create_blog(owner=owner, name=name, **values)


class CreateBlogTests:
    def test_owner_writes_under_pen_name_when_blog_is_created(self, user):
        blog = new_blog(user)
        membership = Membership.objects.get(blog=blog)
        assert membership.user == user
        assert membership.role == Role.OWNER
        assert (membership.pen_name, membership.slug) == ("Айгүл Асанова", "aigul-asanova")

    def test_refused_when_user_owns_the_allowed_number_of_blogs(self, user, settings):
        settings.BLOGS_PER_USER = 2
        new_blog(user, name="first")
        new_blog(user, name="second")
        with pytest.raises(ActionError):
            new_blog(user, name="third")
        assert list(Blog.objects.values_list("name", flat=True)) == ["first", "second"]

    def test_blogs_she_only_writes_for_do_not_count_when_limit_is_checked(self, user, settings):
        settings.BLOGS_PER_USER = 1
        MembershipFactory(user=user, role=Role.EDITOR)
        assert new_blog(user).name == "chaikhana-news"

    def test_refused_when_address_is_taken(self, user):
        BlogFactory(name="taken", title="Someone else's")
        with pytest.raises(ActionError) as refused:
            new_blog(user, name="taken")
        assert refused.value.field == "name"
        assert Blog.objects.get(name="taken").title == "Someone else's"
        assert not Membership.objects.filter(user=user).exists()

    @pytest.mark.parametrize("name", ["admin", "Big-News", "-news", "a", "news--today"])
    def test_refused_when_address_is_reserved_or_malformed(self, user, name):
        with pytest.raises(ActionError) as refused:
            new_blog(user, name=name)
        assert refused.value.field == "name"
        assert not Blog.objects.exists()


class UpdateBlogTests:
    def test_settings_change_and_listeners_hear_when_owner_updates(
        self, blog, user, django_capture_on_commit_callbacks
    ):
        heard = []
        signals.blog_changed.connect(receiver := lambda blog_id, **kw: heard.append(blog_id))
        try:
            with django_capture_on_commit_callbacks(execute=True):
                update_blog(blog=blog, by=user, visibility=Blog.Visibility.PRIVATE)
                assert heard == []  # not before commit
        finally:
            signals.blog_changed.disconnect(receiver)
        assert Blog.objects.get(pk=blog.pk).visibility == Blog.Visibility.PRIVATE
        assert heard == [blog.pk]

    def test_refused_when_field_is_not_a_setting(self, blog, user):
        with pytest.raises(TypeError):
            update_blog(blog=blog, by=user, is_active=False)
        assert Blog.objects.get(pk=blog.pk).is_active


class DeleteBlogTests:
    def test_everything_goes_when_owner_deletes_blog(self, blog, user):
        PostFactory(blog=blog)
        delete_blog(blog=blog, by=user)
        assert not Blog.objects.exists()
        assert not Post.objects.exists()

    def test_refused_when_editor_deletes_blog(self, blog):
        editor = MembershipFactory(blog=blog, role=Role.EDITOR).user
        with pytest.raises(PermissionDenied):
            delete_blog(blog=blog, by=editor)
        assert Blog.objects.filter(pk=blog.pk).exists()


class AddMemberTests:
    def test_newcomer_gets_own_author_slug_when_pen_name_repeats(self, blog, user):
        owner_slug = Membership.objects.get(blog=blog, user=user).slug
        first = add_member(blog=blog, by=user, user=UserFactory(), role=Role.AUTHOR, pen_name="Нур")
        second = add_member(
            blog=blog, by=user, user=UserFactory(), role=Role.AUTHOR, pen_name="Нур"
        )
        assert (first.slug, second.slug) == ("nur", "nur-2")
        assert owner_slug not in {first.slug, second.slug}

    def test_refused_when_person_is_already_a_member(self, blog, user):
        member = MembershipFactory(blog=blog, role=Role.AUTHOR)
        with pytest.raises(ActionError) as refused:
            add_member(blog=blog, by=user, user=member.user, role=Role.EDITOR, pen_name="Again")
        assert refused.value.field == "username"
        member.refresh_from_db()
        assert member.role == Role.AUTHOR


class LastOwnerTests:
    def test_refused_when_only_owner_steps_down(self, blog, user):
        membership = Membership.objects.get(blog=blog, user=user)
        with pytest.raises(ActionError):
            change_member(membership=membership, by=user, role=Role.EDITOR)
        membership.refresh_from_db()
        assert membership.role == Role.OWNER

    def test_refused_when_only_owner_leaves(self, blog, user):
        membership = Membership.objects.get(blog=blog, user=user)
        with pytest.raises(ActionError):
            remove_member(membership=membership, by=user)
        assert Membership.objects.filter(pk=membership.pk).exists()

    def test_owner_steps_down_when_another_owner_remains(self, blog, user):
        MembershipFactory(blog=blog, role=Role.OWNER)
        membership = Membership.objects.get(blog=blog, user=user)
        change_member(membership=membership, by=user, role=Role.EDITOR)
        membership.refresh_from_db()
        assert membership.role == Role.EDITOR


class ChangeMemberTests:
    def test_bylines_follow_when_pen_name_changes(self, blog):
        member = MembershipFactory(blog=blog, role=Role.AUTHOR, pen_name="Old Name")
        posts = PostFactory.create_batch(2, blog=blog, author=member)
        colleague_post = PostFactory(blog=blog)
        change_member(membership=member, by=member.user, pen_name="Жаңы Ат")
        member.refresh_from_db()
        assert member.slug == "zhangy-at"
        assert {p.byline for p in Post.objects.filter(pk__in=[p.pk for p in posts])} == {"Жаңы Ат"}
        colleague_post.refresh_from_db()
        assert colleague_post.byline != "Жаңы Ат"

    def test_refused_when_author_renames_a_colleague(self, blog):
        member = MembershipFactory(blog=blog, role=Role.AUTHOR, pen_name="Kept")
        other = MembershipFactory(blog=blog, role=Role.AUTHOR).user
        with pytest.raises(PermissionDenied):
            change_member(membership=member, by=other, pen_name="Changed")
        member.refresh_from_db()
        assert member.pen_name == "Kept"

    def test_refused_when_editor_promotes_herself(self, blog):
        editor = MembershipFactory(blog=blog, role=Role.EDITOR)
        with pytest.raises(PermissionDenied):
            change_member(membership=editor, by=editor.user, role=Role.OWNER)
        editor.refresh_from_db()
        assert editor.role == Role.EDITOR

    def test_posts_stay_under_byline_when_member_leaves(self, blog):
        member = MembershipFactory(blog=blog, role=Role.AUTHOR, pen_name="Departed")
        post = PostFactory(blog=blog, author=member)
        remove_member(membership=member, by=member.user)
        post.refresh_from_db()
        assert (post.author, post.byline) == (None, "Departed")
        assert post.is_public
