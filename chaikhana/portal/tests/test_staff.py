"""The portal's staff in public: a name they choose or "The editors", never their username;
no author pages; comments on stories moderated by portal roles."""

from __future__ import annotations

from importlib import import_module

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.utils import translation
from django.utils.translation import gettext as _

from chaikhana.blogs.models import Membership, Post
from chaikhana.blogs.roles import Role
from chaikhana.comments.actions import approve_comment
from chaikhana.comments.actions.posting import CommentInput, post_comment
from chaikhana.comments.models import Comment
from chaikhana.core.errors import ActionError
from chaikhana.core.testing.factories import CommentFactory, MembershipFactory, UserFactory
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.portal.actions.portal_blog import portal_blog
from chaikhana.portal.actions.staff import set_readers_name
from chaikhana.portal.models import PortalRole
from chaikhana.portal.tests.factories import staff, submission_in
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db


@pytest.fixture
def chief():
    return staff(PortalRole.Role.EDITOR_IN_CHIEF, username="chiefaccount")


@pytest.fixture
def story():
    submission = submission_in(State.PUBLISHED)
    assert submission.story is not None
    return submission.story


def _waiting(story: Post) -> Comment:
    return CommentFactory(blog=story.blog, post=story, status=Comment.Status.PENDING)


class StaffNameTests:
    def test_staff_comment_is_signed_the_editors_when_she_chose_no_name(self, chief, story, client):
        comment = post_comment(post=story, by=chief, data=CommentInput(body="Спасибо."))
        assert comment.name == _("The editors")
        assert "chiefaccount" not in client.get(f"/portal/stories/{story.slug}/").content.decode()

    def test_staff_comment_is_signed_with_the_name_she_chose(self, chief, story):
        set_readers_name(user=chief, name="  Бюро   Оша ")
        comment = post_comment(post=story, by=chief, data=CommentInput(body="Спасибо."))
        assert comment.name == "Бюро Оша"

    def test_readers_name_refuses_her_username(self, chief):
        with pytest.raises(ActionError) as refused:
            set_readers_name(user=chief, name="ChiefAccount")
        assert refused.value.field == "display_name"

    def test_readers_name_page_saves_the_name_when_she_is_staff(self, chief, client):
        log_in_verified(client, chief)
        response = client.post("/portal/desk/me/", {"display_name": "Бюро Оша"}, follow=True)
        assert "Бюро Оша" in response.content.decode()
        assert PortalRole.objects.get(user=chief).display_name == "Бюро Оша"

    def test_readers_name_page_is_refused_when_she_is_no_staff(self, client):
        log_in_verified(client, UserFactory())
        assert client.get("/portal/desk/me/").status_code == 403

    def test_blogger_comment_on_a_story_keeps_her_own_display_name(self, story):
        reader = UserFactory(display_name="Читательница")
        comment = post_comment(post=story, by=reader, data=CommentInput(body="Важно."))
        assert comment.name == "Читательница"


class PortalAuthorPageTests:
    def test_author_page_is_404_when_an_old_desk_membership_remains(self, client):
        editor = UserFactory(username="olddesk")
        MembershipFactory(
            blog=portal_blog(), user=editor, role=Role.EDITOR, pen_name="olddesk",
            slug=f"staff-{editor.pk}",
        )  # fmt: skip
        for path in ("", "feed/", "feed/atom/"):
            assert client.get(f"/@portal/author/staff-{editor.pk}/{path}").status_code == 404


class PortalCommentModerationTests:
    def test_editor_in_chief_approves_a_waiting_comment_at_the_desk(self, chief, story, client):
        comment = _waiting(story)
        log_in_verified(client, chief)
        assert comment.body_html in client.get("/portal/desk/comments/").content.decode()
        client.post("/portal/desk/comments/", {"comment": comment.pk, "decision": "approve"})
        comment.refresh_from_db()
        assert comment.status == Comment.Status.APPROVED

    def test_section_editor_moderates_only_her_sections_stories(self, story):
        submission = story.portal_submission
        own = staff(PortalRole.Role.SECTION_EDITOR, submission.section)
        other = staff(PortalRole.Role.SECTION_EDITOR, submission_in(State.SUBMITTED).section)
        with pytest.raises(PermissionDenied):
            approve_comment(comment=_waiting(story), by=other)
        comment = approve_comment(comment=_waiting(story), by=own)
        assert comment.status == Comment.Status.APPROVED

    def test_desk_comments_page_hides_other_sections_comments(self, story, client):
        comment = _waiting(story)
        other = staff(PortalRole.Role.SECTION_EDITOR, submission_in(State.SUBMITTED).section)
        log_in_verified(client, other)
        assert comment.body_html not in client.get("/portal/desk/comments/").content.decode()
        data = {"comment": comment.pk, "decision": "approve"}
        assert client.post("/portal/desk/comments/", data).status_code == 404

    def test_fact_checker_does_not_moderate_comments(self, story):
        checker = staff(PortalRole.Role.FACT_CHECKER)
        with pytest.raises(PermissionDenied):
            approve_comment(comment=_waiting(story), by=checker)

    def test_membership_of_the_portal_blog_gives_no_moderation(self, story):
        owner = MembershipFactory(blog=story.blog, role=Role.OWNER).user
        with pytest.raises(PermissionDenied):
            approve_comment(comment=_waiting(story), by=owner)


class DeskMembershipMigrationTests:
    def test_old_desk_memberships_go_and_their_names_become_the_editors(self, story):
        editor = UserFactory(username="demo")
        desk = MembershipFactory(
            blog=story.blog, user=editor, role=Role.EDITOR, pen_name="demo",
            slug=f"staff-{editor.pk}",
        )  # fmt: skip
        note = Post.objects.create(
            blog=story.blog, author=desk, byline="demo", title="Note", slug="note", language="ru"
        )
        comment = CommentFactory(blog=story.blog, post=story, author=editor, name="demo")
        kept = MembershipFactory(blog=story.blog, role=Role.OWNER)
        import_module("chaikhana.portal.migrations.0004_remove_desk_memberships").forward(
            apps, None
        )
        assert not Membership.objects.filter(pk=desk.pk).exists()
        assert Membership.objects.filter(pk=kept.pk).exists()
        note.refresh_from_db()
        comment.refresh_from_db()
        with translation.override(story.blog.language):
            editors = _("The editors")
        assert (note.author, note.byline, comment.name) == (None, editors, editors)
