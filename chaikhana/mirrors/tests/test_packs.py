"""Offline packs: a ZIM Kiwix opens with every public post, EPUBs epubcheck accepts, a daily
pack small enough for a messenger, each signed and offered on /mirrors/."""

from __future__ import annotations

import io
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
from chaikhana.core.testing.factories import PostFactory, UserFactory
from chaikhana.courses.models import Registration
from chaikhana.courses.tests.factories import MaterialFactory, RegistrationFactory, SessionFactory
from chaikhana.mirrors import signing
from chaikhana.mirrors.packs import epub, make
from chaikhana.portal.tests.factories import SectionFactory, submission_in
from chaikhana.portal.workflow import State

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
    # A Java tool, like the Nu checker: seconds of JVM, so it runs with the browser journeys,
    # and checks both kinds of book (a blog's posts, a course's materials) side by side.
    @pytest.mark.browser
    @pytest.mark.skipif(EPUBCHECK is None, reason="Debian's epubcheck is not installed")
    def test_a_blogs_and_a_courses_books_pass_epubcheck(self, network, packs_root, signing_key):
        material = MaterialFactory(body="Read **this** first.", file="courses/materials/1/a.pdf")
        books = [
            make.build_blog_epub(blog="open"),
            make.build_course_pack(course=material.course, url="http://127.0.0.1:8000/c/"),
        ]
        checks = [
            subprocess.Popen(
                [*EPUBCHECK, str(path)],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for path in books
        ]
        for path, check in zip(books, checks, strict=True):
            output = check.communicate()[0]
            assert check.returncode == 0, f"{path.name}: {output}"
            assert "0 errors" in output, path.name

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


class SectionPackTests:
    def test_a_sections_stories_are_a_book_offered_where_the_section_is_read(
        self, packs_root, client, signing_key
    ):
        section = SectionFactory(name="Water", slug="water")
        story = submission_in(State.PUBLISHED, section=section).story
        other = submission_in(State.PUBLISHED).story  # another section's
        page = client.get(f"/portal/section/{section.slug}/").content.decode()
        url = reverse("mirrors:section_pack", args=["water"])
        assert f'href="{url}"' in page
        download = client.get(url)
        assert download.status_code == 200
        with zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content))) as book:
            text = " ".join(book.read(n).decode() for n in book.namelist() if "/post-" in n)
        assert story.title in text and other.title not in text
        assert "section-water.epub" in client.get(reverse("mirrors:page")).content.decode()
        assert client.get(reverse("mirrors:section_pack", args=["none"])).status_code == 404


class CoursePackTests:
    @pytest.fixture
    def course(self, db):
        material = MaterialFactory(title="Ethics reading", body="Verify **twice**.")
        return material.course

    def _url(self, course) -> str:
        return reverse("mirrors:course_pack", args=[course.slug])

    def test_a_student_finds_and_downloads_the_materials_on_her_course_page(
        self, client, course, packs_root
    ):
        student = RegistrationFactory(session=SessionFactory(course=course)).user
        client.force_login(student)
        page = client.get(reverse("courses:course", args=[course.slug])).content.decode()
        assert f'href="{self._url(course)}"' in page
        download = client.get(self._url(course))
        assert download.status_code == 200
        assert "no-store" in download.headers["Cache-Control"]
        with zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content))) as book:
            assert any(b"Ethics reading" in book.read(n) for n in book.namelist())

    def test_the_pack_is_refused_when_not_a_confirmed_student_or_tutor(
        self, client, course, packs_root, user
    ):
        assert client.get(self._url(course)).status_code == 302  # to log in
        client.force_login(user)
        assert client.get(self._url(course)).status_code == 403
        RegistrationFactory(
            session=SessionFactory(course=course), user=user, status=Registration.Status.WAITLISTED
        )
        assert client.get(self._url(course)).status_code == 403
        page = client.get(reverse("courses:course", args=[course.slug])).content.decode()
        assert self._url(course) not in page

    def test_a_tutor_may_take_the_pack_and_it_is_never_public(
        self, client, course, packs_root, signing_key
    ):
        tutor = UserFactory()
        course.tutors.add(tutor)
        client.force_login(tutor)
        assert client.get(self._url(course)).status_code == 200
        client.logout()
        listed = client.get(reverse("mirrors:json")).json()["packs"]
        assert not [p for p in listed if course.slug in p["url"]]
        assert course.slug not in client.get(reverse("mirrors:page")).content.decode()
        assert client.get(reverse("mirrors:pack", args=[f"{course.slug}.epub"])).status_code == 404
