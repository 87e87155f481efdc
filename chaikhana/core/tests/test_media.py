import pytest

pytestmark = pytest.mark.django_db


class ServeMediaTests:
    def test_uploaded_file_is_served_with_long_cache_lifetime(self, client, settings, tmp_path):
        settings.MEDIA_ROOT = tmp_path
        (tmp_path / "demo").mkdir()
        (tmp_path / "demo" / "a.txt").write_text("hello")
        response = client.get("/media/demo/a.txt")
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"hello"
        assert "max-age=2592000" in response["Cache-Control"]

    def test_path_outside_media_root_is_not_served(self, client, settings, tmp_path):
        settings.MEDIA_ROOT = tmp_path / "media"
        (tmp_path / "media").mkdir()
        (tmp_path / "secret.txt").write_text("no")
        response = client.get("/media/../secret.txt")
        assert response.status_code in (400, 404)
