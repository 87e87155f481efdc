#!/usr/bin/env python
"""Photos: upload-to-renditions time for a 12-MP photo, and the images a 360-px phone loads.

Run: .venv/bin/python bench/media_renditions.py  (a throwaway in-memory database and a
temporary media root; prints the numbers BENCHMARKS.md quotes).
"""

from __future__ import annotations

import io
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chaikhana.settings")
import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import override_settings, setup_test_environment  # noqa: E402
from PIL import Image, ImageDraw, ImageFilter  # noqa: E402

from chaikhana.core.testing.factories import BlogFactory, UserFactory  # noqa: E402
from chaikhana.media.actions import create_renditions, upload_media  # noqa: E402
from chaikhana.media.tests.helpers import upload_file  # noqa: E402
from chaikhana.media.weight import phone_image  # noqa: E402


def photo(size: tuple[int, int] = (4000, 3000), seed: int = 0) -> bytes:
    """A photo-like JPEG: sky and ground gradients, soft shapes, sensor-like noise; q90."""
    w, h = size
    image = Image.linear_gradient("L").resize((w, h)).convert("RGB")
    image = Image.merge(
        "RGB", [image.getchannel(0).point(lambda v, k=k: (v * k) // 4 + 40) for k in (2, 3, 4)]
    )
    draw = ImageDraw.Draw(image)
    for i in range(40):  # hills and houses: edges the encoder has to keep
        x, y = (i * 977 + seed * 131) % w, h // 2 + (i * 613) % (h // 2)
        draw.ellipse((x, y, x + w // 6, y + h // 5), fill=(60 + i * 3 % 120, 90, 40 + i * 5 % 100))
    image = image.filter(ImageFilter.GaussianBlur(3))
    noise = Image.effect_noise((w, h), 18).convert("RGB")
    image = Image.blend(image, noise, 0.12)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def main() -> None:
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    with tempfile.TemporaryDirectory() as root, override_settings(MEDIA_ROOT=root):
        user = UserFactory()
        blog = BlogFactory(owner=user) if "owner" in BlogFactory._meta.declarations else None
        blog = blog or _blog_for(user)
        data = photo()
        times, last = [], None
        for run in range(3):
            start = time.perf_counter()
            last = upload_media(blog=blog, by=user, uploaded_file=upload_file(data, f"p{run}.jpg"))
            create_renditions(media=last)
            times.append(time.perf_counter() - start)
        assert last is not None
        chosen = phone_image(last)
        print(
            f"date: {datetime.now(UTC):%Y-%m-%d}; machine: {platform.machine()}, "
            f"{os.cpu_count()} CPUs, Python {platform.python_version()}"
        )
        print(f"photo: 4000x3000 JPEG q90, {len(data) / 1024 / 1024:.1f} MB")
        print(
            f"upload + renditions: median {statistics.median(times):.2f} s "
            f"(runs: {', '.join(f'{t:.2f}' for t in times)})"
        )
        for r in sorted(last.renditions.all(), key=lambda r: (r.width, r.format)):
            print(f"  {r.width:>5} {r.format:<5} {r.size / 1024:7.1f} KB")
        print(
            f"a 360-px phone at 2x loads: {chosen.url.rsplit('/', 1)[-1]} "
            f"{chosen.size / 1024:.1f} KB per photo; two photos {2 * chosen.size / 1024:.1f} KB"
        )


def _blog_for(user):
    from chaikhana.blogs.roles import Role
    from chaikhana.core.testing.factories import MembershipFactory

    blog = BlogFactory()
    MembershipFactory(blog=blog, user=user, role=Role.OWNER)
    return blog


if __name__ == "__main__":
    main()
