import pytest
from django.core.exceptions import PermissionDenied

from chaikhana.blogs.actions import (
    PostRequest,
    create_category,
    delete_category,
    save_requested_post,
    update_category,
)
from chaikhana.blogs.models import Category, Tag
from chaikhana.blogs.roles import Role
from chaikhana.core.errors import ActionError
from chaikhana.core.testing.factories import CategoryFactory, MembershipFactory, PostFactory

pytestmark = pytest.mark.django_db


def chain(blog, user, *names):
    """Categories nested each in the one before: chain(b, u, "A", "B") makes A > B."""
    parent, made = None, []
    for name in names:
        parent = create_category(blog=blog, by=user, name=name, parent=parent)
        made.append(parent)
    return made


class CreateCategoryTests:
    def test_slug_is_transliterated_and_numbered_when_names_repeat(self, blog, user):
        first = create_category(blog=blog, by=user, name="Саясат")
        second = create_category(blog=blog, by=user, name="Саясат")
        assert (first.slug, second.slug) == ("sayasat", "sayasat-2")

    def test_refused_when_parent_belongs_to_another_blog(self, blog, user):
        foreign = CategoryFactory()
        with pytest.raises(ActionError) as refused:
            create_category(blog=blog, by=user, name="Stolen", parent=foreign)
        assert refused.value.field == "parent"
        assert not Category.objects.for_blog(blog).exists()

    def test_editor_creates_when_she_manages_terms(self, blog):
        editor = MembershipFactory(blog=blog, role=Role.EDITOR).user
        category = create_category(blog=blog, by=editor, name="Culture")
        assert category.blog == blog


class UpdateCategoryTests:
    def test_refused_when_category_is_put_inside_its_descendant(self, blog, user):
        top, middle, leaf = chain(blog, user, "Top", "Middle", "Leaf")
        with pytest.raises(ActionError) as refused:
            update_category(category=top, by=user, name="Top", parent=leaf)
        assert refused.value.field == "parent"
        top.refresh_from_db()
        assert top.parent is None
        assert middle.parent == top

    def test_refused_when_category_is_put_inside_itself(self, blog, user):
        (category,) = chain(blog, user, "Alone")
        with pytest.raises(ActionError):
            update_category(category=category, by=user, name="Alone", parent=category)
        category.refresh_from_db()
        assert category.parent is None

    def test_refused_when_cycle_would_close_through_a_deep_tree(self, blog, user):
        made = chain(blog, user, *[f"Level {n}" for n in range(25)])
        with pytest.raises(ActionError):
            update_category(category=made[0], by=user, name="Level 0", parent=made[-1])
        made[0].refresh_from_db()
        assert made[0].parent is None

    def test_moves_when_new_parent_is_a_sibling(self, blog, user):
        _root, child = chain(blog, user, "Root", "Child")
        (sibling,) = chain(blog, user, "Sibling")
        update_category(category=child, by=user, name="Child", parent=sibling)
        child.refresh_from_db()
        assert child.ancestors() == [sibling]

    def test_refused_when_author_renames(self, blog):
        category = CategoryFactory(blog=blog, name="Kept")
        author = MembershipFactory(blog=blog, role=Role.AUTHOR).user
        with pytest.raises(PermissionDenied):
            update_category(category=category, by=author, name="Changed", parent=None)
        category.refresh_from_db()
        assert category.name == "Kept"


class DeleteCategoryTests:
    def test_children_move_up_when_middle_category_is_deleted(self, blog, user):
        top, middle, leaf = chain(blog, user, "Top", "Middle", "Leaf")
        delete_category(category=middle, by=user)
        leaf.refresh_from_db()
        assert leaf.parent == top
        assert not Category.objects.filter(pk=middle.pk).exists()

    def test_children_become_top_level_when_top_category_is_deleted(self, blog, user):
        top, middle = chain(blog, user, "Top", "Middle")
        delete_category(category=top, by=user)
        middle.refresh_from_db()
        assert middle.parent is None

    def test_posts_keep_other_categories_when_one_is_deleted(self, blog, user):
        kept, gone = CategoryFactory(blog=blog), CategoryFactory(blog=blog)
        post = PostFactory(blog=blog)
        post.categories.set([kept, gone])
        delete_category(category=gone, by=user)
        assert list(post.categories.all()) == [kept]


class TagsFromNamesTests:
    def test_same_tag_reused_when_names_differ_only_in_case_and_spaces(self, blog, user):
        post = save_requested_post(
            blog=blog,
            by=user,
            request=PostRequest(title="T", tag_names=["Бишкек", "  бишкек ", "Ош", ""]),
        )
        assert sorted(post.tags.values_list("slug", flat=True)) == ["bishkek", "osh"]
        again = save_requested_post(
            blog=blog, by=user, request=PostRequest(title="U", tag_names=["БИШКЕК"])
        )
        assert list(again.tags.all()) == [Tag.objects.get(slug="bishkek")]
        assert Tag.objects.count() == 2
