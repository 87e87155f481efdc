"""The dashboard's import: owners upload, a task imports, the run page reports."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from chaikhana.blogs.models import Post
from chaikhana.core.testing.factories import PASSWORD, MembershipFactory
from chaikhana.porting.models import ImportRun
from chaikhana.porting.tests.conftest import item, wxr


@pytest.fixture
def upload(django_capture_on_commit_callbacks):
    """Post a file; the task is enqueued after commit (and runs at once in tests)."""

    def post(client, blog, content: bytes):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                f"/dashboard/@{blog.name}/import/",
                {"file": SimpleUploadedFile("export.xml", content), "fetch_media": ""},
            )

    return post


class DashboardImportTests:
    def test_owner_upload_imports_and_shows_the_report(self, client, user, blog, upload):
        client.login(username=user.username, password=PASSWORD)
        response = upload(client, blog, wxr(item(1, "Первый", name="pervyi")).encode())
        run = ImportRun.objects.get()
        assert response.status_code == 302
        assert response["Location"] == f"/dashboard/@{blog.name}/import/{run.pk}/"
        assert (run.state, run.done, run.total, run.report["imported"]) == ("done", 1, 1, 1)
        assert Post.objects.get(blog=blog).title == "Первый"
        page = client.get(response["Location"])
        assert "Imported: 1" in page.content.decode()
        status = client.get(response["Location"] + "?format=json").json()
        assert status == {"state": "done", "done": 1, "total": 1, "finished": True}

    def test_bad_file_fails_with_a_message_and_imports_nothing(self, client, user, blog, upload):
        client.login(username=user.username, password=PASSWORD)
        upload(client, blog, wxr(item(1))[:-200].encode())
        run = ImportRun.objects.get()
        assert run.state == "failed" and "not well-formed" in run.error
        assert not Post.objects.filter(blog=blog).exists()
        page = client.get(f"/dashboard/@{blog.name}/import/{run.pk}/")
        assert "nothing was changed" in page.content.decode()

    def test_not_xml_is_a_form_error(self, client, user, blog, upload):
        client.login(username=user.username, password=PASSWORD)
        response = upload(client, blog, b"PK\x03\x04 a zip")
        assert response.status_code == 200
        assert "not an XML file" in response.content.decode()
        assert not ImportRun.objects.exists()

    def test_a_member_who_is_not_owner_is_refused(self, client, blog, upload):
        editor = MembershipFactory(blog=blog, role="editor").user
        client.login(username=editor.username, password=PASSWORD)
        assert upload(client, blog, wxr(item(1)).encode()).status_code == 403
        assert not ImportRun.objects.exists()
