"""Who an import into a blog is done by (access.importing_owner), seen through the importers."""

import pytest

from chaikhana.blogs.models import Post
from chaikhana.blogs.roles import Role
from chaikhana.core.errors import ActionError
from chaikhana.core.testing.corpora import CORPORA
from chaikhana.core.testing.factories import BlogFactory, MembershipFactory, UserFactory
from chaikhana.porting.livejournal.importer import import_lj
from chaikhana.porting.tests.conftest import item, wxr

SINGLE = str(CORPORA / "livejournal" / "sample_posts_single.xml")


@pytest.mark.django_db
class ImportingOwnerTests:
    def test_refuses_naming_the_desk_when_the_blog_is_the_portal(self, tmp_path, import_file):
        editor = UserFactory()
        portal = BlogFactory(name="portal", is_editorial=True, owner=editor)
        path = tmp_path / "export.xml"
        path.write_text(wxr(item(1)))
        with pytest.raises(ActionError, match="desk"):
            import_file(path, blog_name=portal.name, owner=editor)
        assert not Post.objects.filter(blog=portal).exists()

    def test_refuses_an_editor_of_the_portal_when_importing_livejournal(self):
        editor = UserFactory()
        portal = BlogFactory(name="portal", is_editorial=True)
        MembershipFactory(blog=portal, user=editor, role=Role.EDITOR)
        with pytest.raises(ActionError, match="desk"):
            import_lj(entries=SINGLE, comments=[], blog=portal, owner=editor)
        assert not Post.objects.filter(blog=portal).exists()

    def test_imports_under_an_authors_name_when_the_command_names_an_author(self, blog):
        author = MembershipFactory(blog=blog, role=Role.AUTHOR)
        report = import_lj(entries=SINGLE, comments=[], blog=blog, owner=author.user)
        assert report.imported == 1
        assert Post.objects.for_blog(blog).get().author == author

    def test_refuses_someone_who_is_not_a_member(self, blog):
        with pytest.raises(ActionError, match="not a member"):
            import_lj(entries=SINGLE, comments=[], blog=blog, owner=UserFactory())
