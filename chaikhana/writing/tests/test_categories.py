import pytest
from django.urls import reverse

from chaikhana.blogs.models import Category
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import CategoryFactory
from chaikhana.writing.tests.helpers import client_for, member

pytestmark = pytest.mark.django_db


def url(blog):
    return reverse("writing:categories", args=[blog.name])


class CategoriesPageTests:
    def test_editor_adds_a_category_inside_another(self, blog):
        editor = member(blog, Role.EDITOR).user
        parent = CategoryFactory(blog=blog, name="Новости")
        client_for(editor).post(url(blog), {"new-name": "Бишкек", "new-parent": parent.pk})
        child = Category.objects.get(name="Бишкек")
        assert (child.parent, child.slug) == (parent, "bishkek")

    def test_lists_children_under_parents(self, user, blog):
        parent = CategoryFactory(blog=blog, name="Zeta parent")
        CategoryFactory(blog=blog, name="Alpha child", parent=parent)
        rows = client_for(user).get(url(blog)).context["rows"]
        assert [(c.name, depth) for c, depth, _form in rows] == [
            ("Zeta parent", 0),
            ("Alpha child", 1),
        ]

    def test_renames_a_category(self, user, blog):
        category = CategoryFactory(blog=blog, name="Old")
        edit = reverse("writing:category_edit", args=[blog.name, category.pk])
        client_for(user).post(edit, {f"c{category.pk}-name": "New", f"c{category.pk}-parent": ""})
        category.refresh_from_db()
        assert category.name == "New"

    def test_empty_name_gets_a_message_next_to_the_field(self, user, blog):
        category = CategoryFactory(blog=blog, name="Old")
        edit = reverse("writing:category_edit", args=[blog.name, category.pk])
        response = client_for(user).post(edit, {f"c{category.pk}-name": ""})
        assert "This field is required" in response.content.decode()
        category.refresh_from_db()
        assert category.name == "Old"

    def test_deletes_a_category_and_children_move_up(self, user, blog):
        parent = CategoryFactory(blog=blog)
        child = CategoryFactory(blog=blog, parent=parent)
        client_for(user).post(reverse("writing:category_delete", args=[blog.name, parent.pk]))
        child.refresh_from_db()
        assert child.parent is None
        assert not Category.objects.filter(pk=parent.pk).exists()

    def test_asks_before_deleting_a_category_when_opened(self, user, blog):
        category = CategoryFactory(blog=blog, name="Weather")
        delete = reverse("writing:category_delete", args=[blog.name, category.pk])
        page = client_for(user).get(delete).content.decode()
        assert "Delete the category “Weather”?" in page and 'method="post"' in page
        assert Category.objects.filter(pk=category.pk).exists()

    def test_authors_get_403(self, blog):
        author = member(blog, Role.AUTHOR).user
        assert client_for(author).get(url(blog)).status_code == 403

    def test_category_of_another_blog_is_not_found(self, user, blog):
        elsewhere = CategoryFactory()
        delete = reverse("writing:category_delete", args=[blog.name, elsewhere.pk])
        assert client_for(user).post(delete).status_code == 404
        assert Category.objects.filter(pk=elsewhere.pk).exists()
