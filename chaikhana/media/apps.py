"""The media app's configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "chaikhana.media"
    label = "media"
    verbose_name = _("Media")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from chaikhana.core.bodies import register_body_transform
        from chaikhana.core.sharing import register_share_image
        from chaikhana.media.bodies import picture_transform
        from chaikhana.media.cards import share_image

        # Before core's images-as-links (order 90): Save-Data degrades what this upgrades.
        register_body_transform(picture_transform, order=10)
        register_share_image(share_image)  # og:image: a rendition or a title card
