"""Small landscape pictures (sky, sun, mountain ridges) drawn with Pillow for the photo blogs.

They are made at load time rather than shipped, so the repository carries no binaries;
they carry no EXIF because Pillow writes none unless asked.
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1024, 683
QUALITY = 70
GRAIN = 5  # sigma of the noise; sets the JPEG size (≈40–80 KB) as much as the look
Color = tuple[int, int, int]

# Sky top, sky horizon, far ridge, near ridge: dawn, noon, dusk, winter, evening light.
PALETTES: tuple[tuple[Color, Color, Color, Color], ...] = (
    ((42, 72, 140), (246, 182, 120), (112, 98, 140), (46, 52, 78)),
    ((64, 132, 206), (196, 226, 246), (120, 146, 170), (58, 92, 70)),
    ((58, 34, 92), (250, 138, 84), (136, 70, 96), (44, 30, 52)),
    ((120, 160, 200), (232, 240, 248), (190, 204, 222), (96, 112, 134)),
    ((24, 60, 96), (120, 200, 214), (56, 110, 120), (26, 58, 52)),
    ((94, 120, 180), (250, 214, 160), (150, 130, 120), (80, 86, 60)),
)


def _sky(top: Color, bottom: Color) -> Image.Image:
    # A 1-pixel-wide gradient stretched sideways: cheap, and smooth after resizing.
    column = Image.new("RGB", (1, HEIGHT))
    for y in range(HEIGHT):
        t = y / (HEIGHT - 1)
        column.putpixel(
            (0, y), tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        )
    return column.resize((WIDTH, HEIGHT))


def _ridge(rng: random.Random, base: float, roughness: float) -> list[tuple[float, float]]:
    points, y, x = [(0.0, float(HEIGHT))], base, 0.0
    while x <= WIDTH:
        points.append((x, y))
        x += rng.uniform(30, 90)
        # Pulled back towards the base line so that ridges wander but never flatten at a clamp.
        y += rng.uniform(-roughness, roughness) + (base - y) * 0.2
        y = min(HEIGHT - 40, max(HEIGHT * 0.2, y))
    points += [(float(WIDTH), y), (float(WIDTH), float(HEIGHT))]
    return points


def draw_landscape(rng: random.Random, palette: int) -> Image.Image:
    top, horizon, far, near = PALETTES[palette % len(PALETTES)]
    image = _sky(top, horizon)
    draw = ImageDraw.Draw(image)
    sun_x, sun_y, r = (
        rng.uniform(120, WIDTH - 120),
        rng.uniform(90, HEIGHT * 0.45),
        rng.uniform(30, 60),
    )
    draw.ellipse((sun_x - r, sun_y - r, sun_x + r, sun_y + r), fill=(255, 236, 190))
    draw.polygon(_ridge(rng, HEIGHT * rng.uniform(0.4, 0.55), 60), fill=far)
    draw.polygon(_ridge(rng, HEIGHT * rng.uniform(0.6, 0.75), 35), fill=near)
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    # Film-like grain: real photos are never flat, and flat JPEGs look (and weigh) like clip art.
    grain = Image.effect_noise((WIDTH, HEIGHT), GRAIN).convert("RGB")
    return ImageChops.add(image, grain, scale=1.0, offset=-128)


def generate_images(directory: Path, *, count: int, seed: int) -> list[str]:
    """Write *count* landscape JPEGs into *directory*; return their file names."""
    directory.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"images-{seed}")
    names = []
    for n in range(1, count + 1):
        name = f"landscape-{n:02d}.jpg"
        draw_landscape(rng, n).save(directory / name, "JPEG", quality=QUALITY, optimize=True)
        names.append(name)
    return names
