import pytest
from django.core.exceptions import PermissionDenied

from chaikhana.blogs.actions import set_blog_look
from chaikhana.blogs.roles import Role
from chaikhana.core.errors import ActionError
from chaikhana.core.testing.factories import MembershipFactory

pytestmark = pytest.mark.django_db


class SetBlogLookTests:
    def test_owner_saves_theme_and_options(self, blog, user):
        set_blog_look(
            blog=blog,
            by=user,
            theme="magazine",
            accent_color="#1D3B8A",
            header_image="/media/blogs/x/top.jpg",
            layout_width="wide",
            list_layout="list",
        )
        blog.refresh_from_db()
        assert (blog.theme, blog.accent_color, blog.layout_width, blog.list_layout) == (
            "magazine",
            "#1d3b8a",
            "wide",
            "list",
        )
        assert blog.header_image == "/media/blogs/x/top.jpg"

    def test_unreadable_accent_is_refused_on_its_field_and_nothing_changes(self, blog, user):
        with pytest.raises(ActionError) as refused:
            set_blog_look(blog=blog, by=user, theme="notebook", accent_color="#f0f0f0")
        assert refused.value.field == "accent_color"
        blog.refresh_from_db()
        assert blog.theme == "text" and blog.accent_color == ""

    def test_unknown_theme_is_refused(self, blog, user):
        with pytest.raises(ActionError):
            set_blog_look(blog=blog, by=user, theme="neon")

    def test_an_author_may_not_change_the_look(self, blog):
        author = MembershipFactory(blog=blog, role=Role.AUTHOR).user
        with pytest.raises(PermissionDenied):
            set_blog_look(blog=blog, by=author, theme="photo")
