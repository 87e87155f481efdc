"""The core app's configuration."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "chaikhana.core"
    label = "core"

    def ready(self) -> None:
        from django.core import checks

        from chaikhana.core.bodies import register_body_transform
        from chaikhana.core.fonts import check_cyrillic_font
        from chaikhana.core.templatetags.lightweight import images_as_links_transform

        # Last: it degrades whatever the other transforms made of the images.
        register_body_transform(images_as_links_transform, order=90)
        checks.register(check_cyrillic_font)  # title cards (media/cards.py) need Cyrillic
