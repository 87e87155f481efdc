"""The media app's tunables: typed, read from settings (and so from the environment)."""

from __future__ import annotations

from django.conf import settings

from chaikhana.core import network_settings

MB = 1024 * 1024

# Rendition widths in image pixels: a phone, a phone at 2x, the common 360-px phone at 2x
# (asks for ~720 px: without 768 it would take 1024), a laptop, a large screen.
RENDITION_WIDTHS = (320, 640, 768, 1024, 1600)
# Link previews (og:image): 1200 px wide is what Facebook and Telegram show large. Made in
# JPEG/PNG only, the formats every preview reads (media/cards.py).
SHARE_WIDTH = 1200

# Pixels decoded for one still image. A 60 MP photo is a big camera's full size; above that an
# upload is more likely a decompression bomb (a few KB that expand to gigabytes) than a photo.
MAX_IMAGE_PIXELS = 60_000_000
# All the frames of one animation together.
MAX_ANIMATION_PIXELS = 300_000_000

ORIGINAL_NAME_CHARS = 200
ALT_CHARS = 300
CAPTION_CHARS = 1000


def max_upload_bytes() -> int:
    return int(settings.MEDIA_MAX_UPLOAD_MB) * MB


def default_quota_bytes() -> int:
    # The network's settings page decides; MEDIA_QUOTA_MB is the default until it does.
    return network_settings.current().quota_bytes


def post_weight_warn_bytes() -> int:
    return int(settings.POST_WEIGHT_WARN_KB) * 1024
