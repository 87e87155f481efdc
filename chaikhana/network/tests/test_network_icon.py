"""Staff give the network an icon: tabs, home screens and the manifest show it."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from chaikhana.core import network_settings
from chaikhana.core.testing.factories import UserFactory
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.media.tests import helpers as h

pytestmark = pytest.mark.django_db
BASE = {"signup": "open", "default_theme": "text", "comment_mode": "open"}


@pytest.fixture
def staff(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    user = UserFactory(is_staff=True)
    log_in_verified(client, user)
    return user


def _picture(color=(200, 0, 0), size=(800, 400)) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, format="JPEG")
    return SimpleUploadedFile("logo.jpg", out.getvalue())


def _pixel(client, path):
    image = Image.open(io.BytesIO(client.get(path).content)).convert("RGB")
    return image.size, image.getpixel((image.width // 2, image.height // 2))


class NetworkIconTests:
    def test_settings_form_can_carry_a_file_when_shown(self, client, staff):
        html = client.get(reverse("network:settings")).content.decode()
        assert 'enctype="multipart/form-data"' in html and 'type="file" name="icon"' in html

    def test_uploaded_picture_becomes_every_icon_when_staff_save_it(self, client, staff):
        response = client.post(reverse("network:settings"), BASE | {"icon": _picture()})
        assert response.status_code == 302
        size, middle = _pixel(client, "/icons/192.png")
        assert size == (192, 192) and middle[0] > 180 and middle[1] < 40
        assert _pixel(client, "/apple-touch-icon.png")[0] == (180, 180)
        purposes = [i.get("purpose") for i in client.get("/manifest.webmanifest").json()["icons"]]
        assert "maskable" not in purposes  # a picture we did not draw may fill the edges

    def test_file_that_is_not_a_picture_is_refused_beside_the_field(self, client, staff):
        pdf = SimpleUploadedFile("logo.pdf", h.pdf_with_author("x"))
        response = client.post(reverse("network:settings"), BASE | {"icon": pdf})
        assert response.context["form"].errors["icon"]
        assert network_settings.current().icon == ""

    def test_removing_the_icon_draws_the_letter_again_and_deletes_the_file(
        self, client, staff, django_capture_on_commit_callbacks
    ):
        client.post(reverse("network:settings"), BASE | {"icon": _picture()})
        stored = network_settings.current().icon
        assert default_storage.exists(stored)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("network:settings"), BASE | {"remove_icon": "on"})
        assert network_settings.current().icon == ""
        assert not default_storage.exists(stored)
        assert _pixel(client, "/icons/512.png")[1] != (200, 0, 0)
