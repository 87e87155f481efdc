"""A blog's one stylesheet: the public CSS with its theme's rules appended.

A reader of a blog downloads one file (one request, cached for good) that carries only her
blog's theme; pages outside blogs load the public CSS alone. The bundles are static files
made from the sources by ``bin/build_css``; a test fails when one is out of date.
"""

from __future__ import annotations

from pathlib import Path

APP = Path(__file__).resolve().parent
CORE = APP.parent / "core" / "static" / "css" / "chaikhana.css"
SOURCES = APP / "theme_css"
BUNDLES = APP / "static" / "blogs" / "css"


def bundle(key: str) -> str:
    """The stylesheet of theme *key*: core/static/css/chaikhana.css + theme_css/<key>.css."""
    core = CORE.read_text(encoding="utf-8")
    theme = (SOURCES / f"{key}.css").read_text(encoding="utf-8")
    return f"{core.rstrip()}\n{theme}"


def write_bundles() -> list[Path]:
    """Write every theme's bundle (bin/build_css); returns the files written."""
    BUNDLES.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted(SOURCES.glob("*.css")):
        path = BUNDLES / source.name
        path.write_text(bundle(source.stem), encoding="utf-8")
        written.append(path)
    return written
