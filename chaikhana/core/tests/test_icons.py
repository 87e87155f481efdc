"""The network's favicon, app icons and manifest, drawn from its settings."""

import io

import pytest
from PIL import Image

from chaikhana.core import icons, network_settings
from chaikhana.core.models import NetworkSettings

pytestmark = pytest.mark.django_db


def _image(response):
    return Image.open(io.BytesIO(response.content))


class IconTests:
    def test_manifest_names_the_network_and_its_icons(self, client):
        NetworkSettings.objects.create(pk=1, name="Чайхана Оша", theme_color="#123456")
        network_settings.invalidate()
        response = client.get("/manifest.webmanifest")
        assert response["Content-Type"] == "application/manifest+json"
        manifest = response.json()
        assert manifest["name"] == "Чайхана Оша" and manifest["theme_color"] == "#123456"
        assert manifest["start_url"] == "/" and manifest["display"] == "standalone"
        assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}

    @pytest.mark.parametrize("size", [192, 512])
    def test_app_icon_is_a_square_png_cached_for_a_year_when_asked_by_version(self, client, size):
        response = client.get(f"/icons/{size}.png?v={icons.version()}")
        image = _image(response)
        assert (image.format, image.size) == ("PNG", (size, size))
        assert "max-age=31536000" in response["Cache-Control"]

    def test_favicon_and_apple_touch_icon_answer_at_the_names_browsers_ask_for(self, client):
        assert _image(client.get("/favicon.ico")).format == "ICO"
        assert _image(client.get("/apple-touch-icon.png")).size == (180, 180)

    def test_icon_takes_the_theme_colour_when_staff_set_one(self, client):
        NetworkSettings.objects.create(pk=1, theme_color="#00ff00")
        network_settings.invalidate()
        image = _image(client.get("/icons/192.png")).convert("RGB")
        assert image.getpixel((2, 2)) == (0, 255, 0)

    def test_other_sizes_are_not_found(self, client):
        assert client.get("/icons/64.png").status_code == 404

    def test_every_page_carries_the_theme_colour_and_the_manifest(self, client):
        html = client.get("/").content.decode()
        assert '<meta name="theme-color" content="#8a3b12">' in html
        assert '<link rel="manifest" href="/manifest.webmanifest">' in html
