"""Offline packs: a ZIM Kiwix opens with every public post, EPUBs epubcheck accepts, a daily
pack small enough for a messenger, each signed and offered on /mirrors/."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from django.urls import reverse
from libzim.reader import Archive  # type: ignore[import-untyped]

from chaikhana.blogs.models import Post
from chaikhana.core.testing.factories import PostFactory
from chaikhana.mirrors import signing
from chaikhana.mirrors.packs import epub, make

pytestmark = pytest.mark.django_db


def _epubcheck() -> list[str] | None:
    """Debian's epubcheck is a jar behind /usr/bin/epubcheck (run it with java)."""
    found, java = shutil.which("epubcheck"), shutil.which("java")
    if found is None or java is None:
        return None
    real = os.path.realpath(found)
    # The JIT's first tier only and one GC thread: half the CPU for a run this short.
    quick = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"]
    return [java, *quick, "-jar", real] if real.endswith(".jar") else [found]


EPUBCHECK = _epubcheck()


@pytest.fixture
def packs_root(settings, tmp_path):
    settings.MIRRORS_ROOT = tmp_path / "mirrors"
    return tmp_path / "mirrors" / "packs"


class ZimTests:
    def test_the_network_zim_holds_every_public_post_and_nothing_else(
        self, network, packs_root, signing_key
    ):
        path = make.build_zim()
        archive = Archive(str(path))
        public = Post.objects.in_listed_blogs().posts().published()
        assert public.count() == 2
        for post in public:
            assert archive.has_entry_by_path(f"@{post.blog.name}/{post.slug}/index.html")
        paths = [archive._get_entry_by_id(i).path for i in range(archive.entry_count)]
        posts = [p for p in paths if p.count("/") == 2 and p.endswith("/index.html")]
        assert len([p for p in posts if "/tag/" not in p and "/author/" not in p]) >= 2
        assert not [p for p in paths if "secret" in p or "hushed" in p or "stopped" in p]
        assert archive.get_metadata("Language") in (b"eng", b"rus", b"kir")
        assert archive.main_entry.get_item().path == "index.html"
        assert archive.has_fulltext_index
        signature = Path(f"{path}.minisig").read_text()
        signing.verify(signing_key.public_key(), path.read_bytes(), signature)


class EpubTests:
    # A Java tool, like the Nu checker: ~10 s of JVM, so it runs with the browser journeys.
    @pytest.mark.browser
    @pytest.mark.skipif(EPUBCHECK is None, reason="Debian's epubcheck is not installed")
    def test_a_blogs_epub_passes_epubcheck(self, network, packs_root, signing_key):
        path = make.build_blog_epub(blog="open")
        done = subprocess.run([*EPUBCHECK, str(path)], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "0 errors" in done.stdout + done.stderr

    def test_todays_pack_stays_under_300_kb_with_a_busy_day(self, network, packs_root, signing_key):
        words = random.Random(4)
        for number in range(30):
            text = " ".join(
                "".join(words.choice("абвгдежзиклмнопрстуфхцчшщыэюя") for _ in range(8))
                for _ in range(2500)
            )
            PostFactory(blog=network.blog, slug=f"busy-{number}", body_source=text)
        path = make.build_today()
        assert path.stat().st_size <= epub.TODAY_MAX_BYTES
        with zipfile.ZipFile(path) as book:
            chapters = [n for n in book.namelist() if "/post-" in n]
        assert 5 < len(chapters) < 32  # the oldest were dropped to fit, the newest kept
        assert Path(str(path) + ".minisig").is_file()

    def test_packs_are_offered_with_size_and_date_on_the_mirrors_page(
        self, network, packs_root, client, signing_key
    ):
        path = make.build_today()
        page = client.get(reverse("mirrors:page")).content.decode()
        assert path.name in page
        download = client.get(reverse("mirrors:pack", args=[path.name]))
        assert download.status_code == 200
        assert b"".join(download.streaming_content) == path.read_bytes()
        assert client.get(reverse("mirrors:pack", args=["settings.py"])).status_code == 404
