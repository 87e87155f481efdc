"""Micropub photos given by URL: copied here through safehttp, without their EXIF; a URL
that cannot be fetched, or is no image, is a 400 and creates nothing."""

import io

import pytest
from PIL import ExifTags, Image

from chaikhana.accounts.app_passwords import create_app_password
from chaikhana.blogs.models import Post
from chaikhana.core.testing.localserver import LocalServer
from chaikhana.media.models import MediaFile


def jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneCam"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (42.0, 52.0, 0.0)
    out = io.BytesIO()
    Image.new("RGB", (16, 16), "orange").save(out, "JPEG", exif=exif)
    data = out.getvalue()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # it has GPS
    return data


@pytest.fixture
def token(user):
    return create_app_password(user=user, name="quill")[1]


@pytest.fixture
def server():
    with LocalServer() as running:
        running.route("/sunset.jpg", body=jpeg_with_gps(), headers=[("Content-Type", "image/jpeg")])
        running.html("/page.html", "<p>not a photo</p>")
        yield running


def create(client, token, photo: str):
    data = {"h": "entry", "content": "Sunset", "photo": photo}
    return client.post("/micropub", data, HTTP_AUTHORIZATION=f"Bearer {token}")


@pytest.mark.django_db
class MicropubPhotoUrlTests:
    def test_photo_is_copied_here_without_exif_when_given_by_url(
        self, client, blog, token, server, settings, tmp_path
    ):
        settings.SAFEHTTP_ALLOW_LOOPBACK, settings.MEDIA_ROOT = True, tmp_path
        response = create(client, token, server.url("/sunset.jpg"))
        assert response.status_code == 201
        media = MediaFile.objects.get(blog=blog)
        body = Post.objects.get().body_html
        assert f'src="http://testserver{media.file.url}"' in body
        assert media.file.url.startswith("/media/") and server.url() not in body
        with media.file.open("rb") as stored:
            exif = Image.open(stored).getexif()
        assert not exif.get_ifd(ExifTags.IFD.GPSInfo) and ExifTags.Base.Make not in exif

    def test_private_address_is_refused_without_a_connection(
        self, client, blog, token, server, settings
    ):
        settings.SAFEHTTP_ALLOW_LOOPBACK = False
        response = create(client, token, server.url("/sunset.jpg"))
        assert response.status_code == 400
        answer = response.json()
        assert answer["error"] == "invalid_request"
        # Neither the address nor why it was refused: nothing about our network or resolver.
        assert answer["error_description"] == "That address cannot be fetched."
        assert server.requests == []
        assert not Post.objects.exists() and not MediaFile.objects.exists()

    def test_url_that_is_no_image_is_refused_and_nothing_created(
        self, client, blog, token, server, settings
    ):
        settings.SAFEHTTP_ALLOW_LOOPBACK = True
        response = create(client, token, server.url("/page.html"))
        assert response.status_code == 400
        assert "is not an image" in response.json()["error_description"]
        assert not Post.objects.exists() and not MediaFile.objects.exists()

    def test_missing_photo_is_refused_without_its_status_and_nothing_created(
        self, client, blog, token, server, settings
    ):
        settings.SAFEHTTP_ALLOW_LOOPBACK = True
        response = create(client, token, server.url("/gone.jpg"))
        assert response.status_code == 400
        assert response.json()["error_description"] == "That address cannot be fetched."
        assert not Post.objects.exists() and not MediaFile.objects.exists()
