"""The administrator's command imports any number of blogs; self-service keeps its limit."""

import pytest

from chaikhana.blogs.actions import create_blog
from chaikhana.blogs.models import Blog
from chaikhana.core.errors import ActionError
from chaikhana.core.testing.factories import BlogFactory, UserFactory
from chaikhana.network import actions as network_actions
from chaikhana.porting.tests.conftest import item, wxr


@pytest.fixture
def limited(db):
    user = UserFactory()
    BlogFactory(owner=user)
    network_actions.set_blog_limit(user=user, by=UserFactory(is_staff=True), blogs=1)
    return user


class ImportBlogLimitTests:
    def test_command_import_creates_the_blog_when_the_owner_is_at_her_limit(
        self, tmp_path, import_file, limited
    ):
        path = tmp_path / "x.xml"
        path.write_text(wxr(item(1, "Hello")))
        import_file(path, blog_name="migrated", owner=limited)
        assert Blog.objects.filter(name="migrated").exists()

    def test_self_service_creation_is_refused_when_the_owner_is_at_her_limit(self, limited):
        with pytest.raises(ActionError, match="most this network allows"):
            create_blog(owner=limited, name="second", title="S", pen_name="A", language="ru")
