"""The other doors of the API: media upload, portal submission, course registration, and the
portal's and school's public lists — each through the owning app's own action or query."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from chaikhana.api.tests.helpers import call, token_for
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import (
    BlogFactory,
    MembershipFactory,
    PostFactory,
    UserFactory,
)
from chaikhana.courses.models import Registration
from chaikhana.courses.tests.factories import CourseFactory, SessionFactory
from chaikhana.media.models import MediaFile
from chaikhana.media.tests.helpers import jpeg_with_comment, png_with_text
from chaikhana.portal.models import Submission
from chaikhana.portal.tests.factories import SectionFactory, submission_in
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db


class MediaUploadTests:
    def test_upload_strips_what_the_file_says_about_its_source(self, client):
        owner = UserFactory()
        blog = BlogFactory(owner=owner)
        answer = client.post(
            f"/api/v1/manage/{blog.name}/media",
            {"file": _file(jpeg_with_comment(), "photo.jpg"), "alt": "A street"},
            headers={"Authorization": f"Bearer {token_for(owner)}"},
        )
        assert answer.status_code == 201, answer.content
        media = MediaFile.objects.get()
        assert answer.json()["alt"] == "A street" and media.kind == "image"
        with default_storage.open(media.file.name) as stored:
            assert b"Secret Source Name" not in stored.read()

    def test_upload_needs_the_media_scope_and_stores_nothing_without_it(self, client):
        owner = UserFactory()
        blog = BlogFactory(owner=owner)
        answer = client.post(
            f"/api/v1/manage/{blog.name}/media",
            {"file": _file(png_with_text(), "p.png")},
            headers={"Authorization": f"Bearer {token_for(owner, scopes=['posts'])}"},
        )
        assert answer.status_code == 403
        assert not MediaFile.objects.exists()

    def test_a_file_that_is_not_media_is_refused_with_the_reason(self, client):
        owner = UserFactory()
        blog = BlogFactory(owner=owner)
        answer = client.post(
            f"/api/v1/manage/{blog.name}/media",
            {"file": _file(b"#!/bin/sh\necho hi\n", "run.jpg")},
            headers={"Authorization": f"Bearer {token_for(owner)}"},
        )
        assert answer.status_code == 422 and answer.json()["detail"]
        assert not MediaFile.objects.exists()


def _file(data: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


class PortalTests:
    def test_submit_my_published_post_to_a_section(self, client):
        post = PostFactory()
        section = SectionFactory(slug="society")
        token = token_for(post.author.user)
        answer = call(
            client,
            "post",
            f"/manage/{post.blog.name}/posts/{post.pk}/portal-submission",
            token,
            json={
                "section": "society",
                "note": "Fresh",
                "sources": [{"url": "https://example.org"}],
            },
        )
        assert answer.status_code == 201, answer.content
        assert answer.json() == {
            "id": Submission.objects.get().pk,
            "state": State.SUBMITTED,
            "section": section.slug,
        }

    def test_a_colleagues_post_is_not_mine_to_submit(self, client):
        post = PostFactory()
        SectionFactory(slug="society")
        editor = MembershipFactory(blog=post.blog, role=Role.EDITOR)
        answer = call(
            client,
            "post",
            f"/manage/{post.blog.name}/posts/{post.pk}/portal-submission",
            token_for(editor.user),
            json={"section": "society"},
        )
        assert answer.status_code == 403
        assert not Submission.objects.exists()

    def test_published_stories_and_sections_are_public(self, client):
        submission = submission_in(State.PUBLISHED)
        stories = call(client, "get", "/portal/stories").json()["items"]
        assert [s["title"] for s in stories] == [submission.story.title]
        assert stories[0]["section"] == submission.section.slug
        assert call(client, "get", "/portal/sections").json()[0]["slug"] == submission.section.slug


class CourseTests:
    def test_published_courses_and_their_sessions(self, client):
        course = CourseFactory(is_published=True)
        SessionFactory(course=course, capacity=3)
        CourseFactory(is_published=False)
        listed = call(client, "get", "/courses").json()["items"]
        assert [c["slug"] for c in listed] == [course.slug]
        sessions = call(client, "get", f"/courses/{course.slug}/sessions").json()["items"]
        assert sessions[0]["seats_left"] == 3

    def test_register_me_once(self, client):
        session = SessionFactory(course=CourseFactory(is_published=True))
        user = UserFactory(email="a@example.org")
        token = token_for(user)
        first = call(client, "post", f"/courses/sessions/{session.pk}/registrations", token)
        assert first.status_code == 201 and first.json()["status"] == "confirmed"
        again = call(client, "post", f"/courses/sessions/{session.pk}/registrations", token)
        assert again.status_code == 422
        assert Registration.objects.count() == 1

    def test_an_unpublished_course_is_not_found(self, client):
        session = SessionFactory(course=CourseFactory(is_published=False))
        answer = call(
            client,
            "post",
            f"/courses/sessions/{session.pk}/registrations",
            token_for(UserFactory()),
        )
        assert answer.status_code == 404
