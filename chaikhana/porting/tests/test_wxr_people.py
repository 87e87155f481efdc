"""A file's authors become bylines, never accounts; existing accounts only when asked, and said."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog, Membership, Post
from chaikhana.comments.models import Comment
from chaikhana.core.testing.factories import PASSWORD, UserFactory
from chaikhana.porting.tests.conftest import item, wxr
from chaikhana.porting.wxr.importer import Options
from chaikhana.porting.wxr.importer import import_wxr as run
from chaikhana.porting.wxr.people import match_only

# A comment by the file's registered user 1 (aigul, "Айгуль").
MEMBER_COMMENT = """<wp:comment><wp:comment_id>5</wp:comment_id><wp:comment_author>aigul</wp:comment_author>
<wp:comment_author_email>aigul@example.org</wp:comment_author_email><wp:comment_content>Спасибо</wp:comment_content>
<wp:comment_approved>1</wp:comment_approved><wp:comment_user_id>1</wp:comment_user_id></wp:comment>"""  # noqa: E501


def write(tmp_path, text, name="export.xml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def import_wxr(*args):
    out = io.StringIO()
    call_command("import_wxr", *map(str, args), stdout=out)
    return out.getvalue()


class DashboardUploadTests:
    def test_authors_become_bylines_and_no_account_is_made_when_the_owner_uploads(
        self, client, user, blog, django_capture_on_commit_callbacks
    ):
        accounts, members = User.objects.count(), Membership.objects.count()
        client.login(username=user.username, password=PASSWORD)
        content = wxr(item(1, "Привет", name="privet", extra=MEMBER_COMMENT)).encode()
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                f"/dashboard/@{blog.name}/import/",
                {"file": SimpleUploadedFile("export.xml", content), "fetch_media": ""},
            )
        post = Post.objects.get(blog=blog)
        assert (post.author, post.byline) == (None, "Айгуль")
        assert (User.objects.count(), Membership.objects.count()) == (accounts, members)
        comment = Comment.objects.get(post=post)
        assert (comment.author, comment.name) == (None, "Айгуль")
        page = client.get(post.get_absolute_url()).content.decode()
        assert "Айгуль" in page and "/author/" not in page.split('class="byline"')[1][:200]

    def test_the_owners_own_login_is_credited_to_her_membership(self, client, blog, user):
        owner = blog.memberships.get(user=user)
        text = wxr(item(1, "Мой", name="moi")).replace("aigul", user.username).encode()
        options = Options(match=match_only(user))
        run(source=lambda: io.BytesIO(text), blog=blog, owner=user, options=options)
        post = Post.objects.get(blog=blog)
        assert (post.author, post.byline) == (owner, owner.pen_name)


class CommandLineTests:
    def test_superuser_named_by_the_file_gets_nothing_when_imported_for_another_owner(
        self, db, tmp_path
    ):
        admin = User.objects.create_superuser(username="aigul", password="x" * 12)
        owner = UserFactory(username="demo")
        out = import_wxr(
            write(tmp_path, wxr(item(1, "Привет"))), "--blog", "fresh", "--owner", "demo"
        )
        blog = Blog.objects.get(name="fresh")
        assert not blog.memberships.filter(user=admin).exists()
        post = Post.objects.get(blog=blog)
        assert (post.author, post.byline) == (None, "Айгуль")
        assert list(blog.memberships.values_list("user", flat=True)) == [owner.pk]
        assert "merged" not in out and "bylines (no account): Айгуль" in out

    def test_a_new_blog_without_an_owner_is_refused_and_no_account_is_made(self, db, tmp_path):
        with pytest.raises(CommandError, match="creates no accounts"):
            import_wxr(write(tmp_path, wxr(item(1))), "--blog", "orphan")
        assert not User.objects.exists() and not Blog.objects.filter(name="orphan").exists()

    def test_merge_by_login_is_done_only_when_asked_and_printed(self, db, tmp_path):
        aigul = UserFactory(username="aigul")
        UserFactory(username="demo")
        items = item(1, "Один", name="odin") + item(2, "Два", name="dva")
        path = write(tmp_path, wxr(items))
        out = import_wxr(path, "--blog", "merged", "--owner", "demo", "--merge-people")
        assert {p.author.user for p in Post.objects.filter(blog__name="merged")} == {aigul}
        assert "merged: author “aigul” → existing account “aigul”, 2 items" in out

    def test_merge_by_email_names_the_account_it_chose(self, db, tmp_path):
        other = UserFactory(username="ainura", email="AIGUL@example.org")
        UserFactory(username="demo")
        out = import_wxr(
            write(tmp_path, wxr(item(1))), "--blog", "by-email", "--owner", "demo", "--merge-people"
        )
        assert Post.objects.get(blog__name="by-email").author.user == other
        assert "“aigul” → existing account “ainura”, 1 items" in out

    def test_network_import_merges_people_only_when_asked_and_prints_whom(self, db, tmp_path):
        aigul = UserFactory(username="aigul")
        UserFactory(username="demo")
        plain, merging = tmp_path / "plain", tmp_path / "merging"
        plain.mkdir(), merging.mkdir()
        write(plain, wxr(item(1, "Ош")), name="osh.xml")
        call_command("import_wxr_network", str(plain), "--owner", "demo", stdout=io.StringIO())
        assert not Membership.objects.filter(user=aigul).exists()
        write(merging, wxr(item(1, "Нарын")), name="naryn.xml")
        write(merging, wxr(item(1, "Талас")), name="talas.xml")
        out = io.StringIO()
        call_command(
            "import_wxr_network", str(merging), "--owner", "demo", "--merge-people", stdout=out
        )
        assert out.getvalue().count("“aigul” → existing account “aigul”, 1 items") == 2
        assert Membership.objects.filter(user=aigul).count() == 2
