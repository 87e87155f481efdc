"""The author's answer to an editor's pick, and her notification inbox."""

from __future__ import annotations

import pytest

from chaikhana.core.testing.factories import UserFactory
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.portal.actions.notify import notify
from chaikhana.portal.actions.submissions import pick_post
from chaikhana.portal.models import Notification, PortalRole
from chaikhana.portal.tests.factories import SectionFactory, blogger_post, staff
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db


def _pick():
    section = SectionFactory()
    editor = staff(PortalRole.Role.SECTION_EDITOR, section)
    return pick_post(post=blogger_post(), by=editor, section=section, note="A strong piece"), editor


class PicksPageTests:
    def test_author_sees_the_pick_and_accepts_it_into_the_desk(self, client):
        submission, _editor = _pick()
        log_in_verified(client, submission.author)
        assert "A strong piece" in client.get("/portal/picks/").content.decode()
        response = client.post(f"/portal/picks/{submission.pk}/", {"answer": "accept"})
        submission.refresh_from_db()
        assert response.status_code == 302 and submission.state == State.SUBMITTED

    def test_author_refuses_and_the_editor_hears_of_it(self, client):
        submission, editor = _pick()
        log_in_verified(client, submission.author)
        client.post(f"/portal/picks/{submission.pk}/", {"answer": "refuse", "note": "Not now"})
        submission.refresh_from_db()
        assert submission.state == State.DECLINED
        assert Notification.objects.filter(user=editor, submission=submission).exists()

    def test_the_editor_cannot_answer_for_her_and_a_stranger_gets_404(self, client):
        submission, editor = _pick()
        log_in_verified(client, editor)
        assert (
            client.post(f"/portal/picks/{submission.pk}/", {"answer": "accept"}).status_code == 403
        )
        log_in_verified(client, UserFactory())
        assert (
            client.post(f"/portal/picks/{submission.pk}/", {"answer": "accept"}).status_code == 404
        )
        submission.refresh_from_db()
        assert submission.state == State.AWAITING_AUTHOR

    def test_other_bloggers_do_not_see_her_picks(self, client):
        _pick()
        log_in_verified(client, UserFactory())
        assert "A strong piece" not in client.get("/portal/picks/").content.decode()

    def test_answering_twice_is_refused_with_a_message(self, client):
        submission, _editor = _pick()
        log_in_verified(client, submission.author)
        client.post(f"/portal/picks/{submission.pk}/", {"answer": "accept"})
        response = client.post(f"/portal/picks/{submission.pk}/", {"answer": "refuse"}, follow=True)
        submission.refresh_from_db()
        assert submission.state == State.SUBMITTED
        assert "already been answered" in response.content.decode()


class InboxTests:
    def test_she_sees_her_notifications_and_marks_one_read(self, client):
        submission, _editor = _pick()
        log_in_verified(client, submission.author)
        note = Notification.objects.get(user=submission.author)
        assert note.text in client.get("/portal/inbox/").content.decode()
        client.post("/portal/inbox/read/", {"id": note.pk})
        note.refresh_from_db()
        assert note.read_at is not None

    def test_marking_all_read_touches_only_her_own(self, client):
        submission, editor = _pick()
        notify(users=[editor], submission=submission, text="For the editor")
        log_in_verified(client, submission.author)
        theirs = Notification.objects.get(user=editor)
        client.post("/portal/inbox/read/", {"id": theirs.pk})
        client.post("/portal/inbox/read/")
        theirs.refresh_from_db()
        assert theirs.read_at is None
        assert not Notification.objects.filter(user=submission.author, read_at=None).exists()
        assert "For the editor" not in client.get("/portal/inbox/").content.decode()

    def test_anonymous_is_sent_to_log_in(self, client):
        assert client.get("/portal/inbox/").status_code == 302

    def test_the_desk_header_counts_unread(self, client):
        submission, editor = _pick()
        for text in ("one", "two"):
            notify(users=[editor], submission=submission, text=text)
        log_in_verified(client, editor)
        assert "Notifications (2 unread)" in client.get("/portal/desk/").content.decode()

    def test_query_count_does_not_grow_with_the_inbox(self, client, django_assert_max_num_queries):
        submission, editor = _pick()
        log_in_verified(client, editor)
        counts = []
        for total in (1, 5):
            while Notification.objects.filter(user=editor).count() < total:
                notify(users=[editor], submission=submission, text="note")
            with django_assert_max_num_queries(10) as captured:
                assert client.get("/portal/inbox/").status_code == 200
            counts.append(len(captured))
        assert counts[0] == counts[1]
