"""The dashboard's exports: a blog's WXR for its owners, and "download all my data"."""

import io
import json
import zipfile
from pathlib import Path

import pytest
from defusedxml.ElementTree import fromstring

from chaikhana.core.testing.factories import PASSWORD, MembershipFactory, PostFactory
from chaikhana.porting.models import UserExport


@pytest.fixture
def signed_in(client, user):
    client.login(username=user.username, password=PASSWORD)
    return client


def posts_in_zip(content: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return sorted(p["title"] for p in json.loads(archive.read("posts.json")))


@pytest.mark.django_db
class BlogWxrDownloadTests:
    def test_owner_gets_a_wxr_attachment_that_parses_with_her_posts(self, signed_in, blog):
        PostFactory(blog=blog, title="Первый пост")
        PostFactory(blog=blog, title="Second", status="draft")
        response = signed_in.get(f"/dashboard/@{blog.name}/export/wxr/")
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith(f'attachment; filename="{blog.name}-')
        channel = fromstring(b"".join(response.streaming_content)).find("channel")
        assert sorted(i.findtext("title") for i in channel.iter("item")) == [
            "Second",
            "Первый пост",
        ]

    def test_member_who_is_not_the_owner_gets_403(self, client, blog):
        editor = MembershipFactory(blog=blog, role="editor").user
        client.login(username=editor.username, password=PASSWORD)
        assert client.get(f"/dashboard/@{blog.name}/export/wxr/").status_code == 403

    def test_owner_nav_links_the_export(self, signed_in, blog):
        page = signed_in.get(f"/dashboard/@{blog.name}/").content.decode()
        assert f'href="/dashboard/@{blog.name}/export/wxr/"' in page


@pytest.mark.django_db
class MyDataDownloadTests:
    def test_small_account_downloads_a_zip_with_her_posts_only(self, signed_in, user, blog):
        PostFactory(blog=blog, title="Mine")
        other = MembershipFactory(blog=blog, role="author")
        PostFactory(blog=blog, author=other, title="Theirs")
        response = signed_in.post("/dashboard/export/")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/zip"
        assert response["Content-Disposition"].startswith("attachment;")
        assert posts_in_zip(b"".join(response.streaming_content)) == ["Mine"]
        assert not UserExport.objects.exists()

    def test_large_account_gets_a_private_link_for_her_alone(
        self, signed_in, client, user, blog, settings, django_capture_on_commit_callbacks
    ):
        settings.PORTING_EXPORT_SYNC_MAX_POSTS = 0
        PostFactory(blog=blog, title="Mine")
        with django_capture_on_commit_callbacks(execute=True):
            response = signed_in.post("/dashboard/export/")
        assert response.status_code == 302
        export = UserExport.objects.get(user=user)
        assert export.state == "done"
        assert not Path(export.file.path).is_relative_to(settings.MEDIA_ROOT)
        link = f"/dashboard/export/{export.pk}/download/"
        assert link in signed_in.get("/dashboard/export/").content.decode()
        assert posts_in_zip(b"".join(signed_in.get(link).streaming_content)) == ["Mine"]
        stranger = MembershipFactory(blog=blog, role="editor").user
        client.logout()
        client.login(username=stranger.username, password=PASSWORD)
        assert client.get(link).status_code == 404

    def test_dashboard_links_the_page_and_the_page_lists_her_blogs(self, signed_in, blog):
        assert 'href="/dashboard/export/"' in signed_in.get("/dashboard/").content.decode()
        page = signed_in.get("/dashboard/export/").content.decode()
        assert f'href="/dashboard/@{blog.name}/export/wxr/"' in page
