"""A mirror holds what a stranger sees, with links that work from any folder, and only that."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from chaikhana.core.testing.factories import PostFactory
from chaikhana.mirrors import build, render
from chaikhana.mirrors.tests.conftest import LIVE, current

pytestmark = pytest.mark.django_db


def _all_text(root: Path) -> str:
    return "\n".join(
        p.read_bytes().decode("utf-8", "replace") for p in root.rglob("*") if p.is_file()
    )


def _links(page: Path) -> list[str]:
    soup = BeautifulSoup(page.read_text(), "html.parser")
    found = [tag.get("href") or "" for tag in soup.find_all(href=True)]
    found += [tag.get("src") or "" for tag in soup.find_all(src=True)]
    return [str(link) for link in found]


class MirrorContentTests:
    """One full mirror of the network, built once for the class (conftest.built_mirror)."""

    def test_public_pages_become_files_when_mirrored(self, built_mirror):
        root = built_mirror.root
        for name in (
            "index.html",
            "blogs/index.html",
            "@open/index.html",
            "@open/public-post/index.html",
            "@open/tag/water/index.html",
            "@open/feed/index.xml",
            "@open/feed/atom/index.xml",
            "SHA256SUMS",
            "SHA256SUMS.minisig",
            "minisign.pub",
        ):
            assert (root / name).is_file(), name
        assert "A public post" in (root / "@open/public-post/index.html").read_text()

    def test_nothing_unpublic_and_no_username_is_written_when_mirrored(self, built_mirror):
        text = _all_text(built_mirror.root)
        for word in built_mirror.network.hidden + built_mirror.network.usernames:
            assert word not in text
        assert not (built_mirror.root / "@hushed").exists()

    def test_every_relative_link_finds_its_file_when_mirrored(self, built_mirror):
        root = built_mirror.root
        pages = list(root.rglob("*.html"))
        assert len(pages) > 5
        for page in pages:
            for link in _links(page):
                if link.startswith(("#", "http://", "https://", "mailto:")) or not link:
                    assert not link.startswith("/"), link
                    continue
                path = posixpath.normpath(
                    posixpath.join(posixpath.dirname(str(page)), link.split("#")[0])
                )
                assert Path(path).is_file(), f"{page.relative_to(root)} → {link}"

    def test_forms_become_links_to_the_live_site_when_mirrored(self, built_mirror):
        page = (built_mirror.root / "@open/public-post/index.html").read_text()
        assert "<form" not in page
        assert f'href="{LIVE}/@open/public-post/"' in page or f'href="{LIVE}/@open/search/"' in page

    def test_one_blog_alone_when_asked(self, built_mirror, make_mirror, tmp_path):
        make_mirror(blog="open")
        root = current(tmp_path)
        assert (root / "@open/public-post/index.html").is_file()
        assert not (root / "index.html").exists()

    def test_feeds_name_the_live_site_when_the_copy_has_no_address(self, built_mirror):
        for feed in ("@open/feed/index.xml", "@open/feed/atom/index.xml"):
            text = (built_mirror.root / feed).read_text()
            assert f"{LIVE}/@open/public-post/" in text, feed


class MirrorFeedTests:
    def test_feeds_lead_into_the_copy_when_its_address_is_known(
        self, network, make_mirror, tmp_path
    ):
        copy = "https://copy.example.org/news"
        make_mirror(blog="open", public=copy)
        root = current(tmp_path)
        feeds = [p for p in root.rglob("*.xml")] + [p for p in root.rglob("*.json")]
        assert len(feeds) >= 2
        for feed in feeds:
            text = feed.read_text()
            assert f"{LIVE}/@open/public-post/" not in text, feed
        rss = (root / "@open/feed/index.xml").read_text()
        assert f"{copy}/@open/public-post/index.html" in rss
        assert (root / "@open/public-post/index.html").is_file()


class IncrementalTests:
    def test_a_handful_of_files_change_when_a_post_is_added_and_one_deleted(
        self, network, make_mirror, tmp_path
    ):
        first = make_mirror()
        old = current(tmp_path).resolve()
        PostFactory(blog=network.blog, title="Fresh news", slug="fresh-news")
        network.post.delete()
        second = make_mirror()
        assert (current(tmp_path) / "@open/fresh-news/index.html").is_file()
        assert not (current(tmp_path) / "@open/public-post/index.html").exists()
        assert second.removed >= 1
        # The post, the lists and feeds that show it (RSS, Atom, JSON Feed): a handful.
        assert 1 <= second.written <= 14, second.written_files
        assert second.rendered < first.rendered
        assert (old / "@open/public-post/index.html").is_file()  # the previous copy is whole

    def test_the_previous_mirror_stays_when_a_run_fails(
        self, network, make_mirror, tmp_path, monkeypatch
    ):
        make_mirror()
        before = current(tmp_path).resolve()
        PostFactory(blog=network.blog, title="Fresh news", slug="fresh-news")

        def broken(self, target):
            raise render.RenderError("disk full")

        monkeypatch.setattr(render.Renderer, "get", broken)
        with pytest.raises(render.RenderError):
            make_mirror()
        assert current(tmp_path).resolve() == before
        assert len(list((tmp_path / "mirror").glob("gen-*"))) == 1

    def test_a_target_that_cannot_be_written_is_refused_clearly(self, network, tmp_path):
        blocker = tmp_path / "file"
        blocker.write_text("")
        with pytest.raises(build.MirrorError, match="Cannot write"):
            build.build(blocker / "mirror", scope=build.Scope.build(), live=LIVE)
