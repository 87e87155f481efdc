"""The dashboard's LiveJournal import: owners upload entries and comments, a task imports,
the run page reports; a bad file is named next to its field and nothing is imported."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from chaikhana.blogs.models import Post
from chaikhana.comments.models import Comment
from chaikhana.core.testing.corpora import CORPORA
from chaikhana.core.testing.factories import PASSWORD, MembershipFactory
from chaikhana.porting.models import ImportRun

CORPUS = CORPORA / "livejournal"


def corpus_file(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (CORPUS / name).read_bytes())


@pytest.fixture
def upload(client, django_capture_on_commit_callbacks):
    """Post the form; the task is enqueued after commit (and runs at once in tests)."""

    def post(blog, **files):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"/dashboard/@{blog.name}/import/livejournal/", files)

    return post


@pytest.mark.django_db
class LjDashboardImportTests:
    def test_upload_imports_entries_and_comments_and_shows_counts_when_owner(
        self, client, user, blog, upload
    ):
        client.login(username=user.username, password=PASSWORD)
        response = upload(
            blog,
            entries=corpus_file("sample_posts_single.xml"),
            comment_meta=corpus_file("sample_comment_meta.xml"),
            comment_body=corpus_file("sample_comments.xml"),
        )
        run = ImportRun.objects.get()
        assert response.status_code == 302
        assert response["Location"] == f"/dashboard/@{blog.name}/import/{run.pk}/"
        assert (run.kind, run.state, run.report["imported"]) == ("livejournal", "done", 1)
        assert Post.objects.for_blog(blog).count() == 1
        assert Comment.objects.filter(post__blog=blog).count() == run.report["comments"] == 3
        page = client.get(response["Location"]).content.decode()
        assert "Imported: 1" in page
        assert "Comments: 3 new, 0 already here" in page
        assert "comment 102" in page  # skipped (its entry is not in the file), and said so

    def test_files_are_kept_outside_the_public_media_root_when_uploaded(
        self, client, user, blog, upload
    ):
        client.login(username=user.username, password=PASSWORD)
        upload(
            blog,
            entries=corpus_file("sample_posts.xml"),
            comment_meta=corpus_file("sample_comment_meta.xml"),
        )
        run = ImportRun.objects.get()
        stored = [Path(run.file.path)] + [Path(settings.PRIVATE_ROOT) / n for n in run.extra_files]
        assert all(p.is_file() for p in stored)
        assert not any(p.is_relative_to(settings.MEDIA_ROOT) for p in stored)

    def test_bad_comment_file_is_named_next_to_its_field_and_nothing_imported(
        self, client, user, blog, upload
    ):
        client.login(username=user.username, password=PASSWORD)
        broken = (CORPUS / "sample_comments.xml").read_bytes()[:-40]
        response = upload(
            blog,
            entries=corpus_file("sample_posts.xml"),
            comment_body=SimpleUploadedFile("comments.xml", broken),
        )
        assert response.status_code == 200
        form = response.context["form"]
        assert list(form.errors) == ["comment_body"]
        assert "not well-formed" in form.errors["comment_body"][0]
        assert 'aria-invalid="true"' in response.content.decode()
        assert not ImportRun.objects.exists()
        assert not Post.objects.for_blog(blog).exists()

    def test_comments_file_given_as_entries_is_refused_next_to_the_field(
        self, client, user, blog, upload
    ):
        client.login(username=user.username, password=PASSWORD)
        response = upload(blog, entries=corpus_file("sample_comments.xml"))
        assert response.status_code == 200
        assert list(response.context["form"].errors) == ["entries"]
        assert not ImportRun.objects.exists()

    def test_member_who_is_not_the_owner_is_refused(self, client, blog, upload):
        editor = MembershipFactory(blog=blog, role="editor").user
        client.login(username=editor.username, password=PASSWORD)
        assert upload(blog, entries=corpus_file("sample_posts.xml")).status_code == 403
        assert not ImportRun.objects.exists()
