"""Every mail the product sends, driven through the action that sends it, links with a host."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.mail import EmailMessage
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

import chaikhana
from chaikhana.accounts.actions import request_email
from chaikhana.comments.actions import CommentInput, post_comment
from chaikhana.core.testing.factories import CommentFactory, PostFactory, UserFactory
from chaikhana.courses.actions import Person, cancel_registration, cancel_session, register_guest
from chaikhana.courses.models import Registration
from chaikhana.courses.tasks import send_due_reminders_task
from chaikhana.courses.tests.factories import RegistrationFactory, SessionFactory
from chaikhana.portal.actions.submissions import submit_post
from chaikhana.portal.models import PortalRole
from chaikhana.portal.tests.factories import SectionFactory, blogger_post, staff

SITE = "https://chaikhana.example"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE + "/"


# A link is any word of a mail that starts with "/" or names a scheme.
LINK = re.compile(r"(?<!\S)(?:/\S*|[a-z][a-z0-9+.-]*://\S*)")


def assert_links_absolute(messages: list[EmailMessage]) -> None:
    assert messages, "no mail was sent"
    for message in messages:
        text = "\n".join([str(message.body), *map(str, message.extra_headers.values())])
        links = [link.strip("<>.,") for link in LINK.findall(text)]
        assert links, f"no link in “{message.subject}”"
        for link in links:
            parts = urlsplit(link)
            assert parts.scheme in {"http", "https"} and parts.hostname, (message.subject, link)


@pytest.mark.django_db
class MailLinksTests:
    """Every mail we send, driven through the action that sends it, links with a host."""

    @pytest.fixture(autouse=True)
    def _commit(self, django_capture_on_commit_callbacks):
        self.committed = django_capture_on_commit_callbacks

    @pytest.mark.parametrize("mode", ["path", "subdomain"])
    def test_comment_mails_link_absolutely_when_in_either_host_mode(
        self, settings, user, blog, mailoutbox, mode
    ):
        settings.BLOG_HOST_MODE, settings.BLOG_DOMAIN = mode, "chaikhana.example"
        user.email = "owner@example.org"
        user.save()
        post = PostFactory(blog=blog)
        parent = CommentFactory(post=post, notify_replies=True, email="sub@example.org")
        known = CommentFactory(post=post, name="Айгуль", email="a@example.org")
        with self.committed(execute=True):
            post_comment(post=post, by=None, data=CommentInput(body="Первый", name="Бакыт"))
            data = CommentInput(body="Да", name=known.name, email=known.email, parent_id=parent.pk)
            post_comment(post=post, by=None, data=data)
        assert {m.to[0] for m in mailoutbox} >= {"owner@example.org", "sub@example.org"}
        assert_links_absolute(mailoutbox)

    def test_course_mails_link_absolutely_when_registering_offering_and_cancelling(
        self, mailoutbox
    ):
        session = SessionFactory(capacity=1, starts_at=timezone.now() + timedelta(days=3))
        with self.committed(execute=True):
            seated = register_guest(session=session, person=Person(name="A", email="a@x.org"))
        with self.committed(execute=True):
            register_guest(session=session, person=Person(name="B", email="b@x.org"))
        with self.committed(execute=True):
            cancel_registration(registration=seated)  # B is offered the seat
        reminded = RegistrationFactory(
            session=SessionFactory(starts_at=timezone.now() + timedelta(days=3)),
            user=UserFactory(email="c@x.org"),
        )
        with freeze_time(reminded.session.starts_at - timedelta(hours=23)):
            send_due_reminders_task.call()
        with self.committed(execute=True):
            cancel_session(session=session, by=UserFactory(is_staff=True))
        assert len(mailoutbox) == 5 and Registration.objects.count() == 3
        assert_links_absolute(mailoutbox)

    def test_portal_notification_links_absolutely_when_a_post_is_submitted(self, mailoutbox):
        post, section = blogger_post(), SectionFactory()
        staff(PortalRole.Role.SECTION_EDITOR, section, email="editor@example.org")
        with self.committed(execute=True):
            submit_post(post=post, by=post.author.user, section=section, sources=[])
        assert [m.to for m in mailoutbox] == [["editor@example.org"]]
        assert_links_absolute(mailoutbox)

    def test_password_reset_links_absolutely_when_asked_for(self, mailoutbox):
        UserFactory(email="forgot@example.org")
        Client().post(reverse("accounts:password_reset"), {"email": "forgot@example.org"})
        assert [m.to for m in mailoutbox] == [["forgot@example.org"]]
        assert_links_absolute(mailoutbox)

    def test_email_address_mails_link_absolutely_when_a_new_or_taken_address_is_asked_for(
        self, mailoutbox
    ):
        UserFactory(email="taken@example.org")
        with self.committed(execute=True):
            request_email(user=UserFactory(), email="new@example.org")
            request_email(user=UserFactory(), email="taken@example.org")
        assert [m.to for m in mailoutbox] == [["new@example.org"], ["taken@example.org"]]
        assert_links_absolute(mailoutbox)

    def test_every_module_that_sends_mail_is_driven_above_when_one_is_added(self):
        root = Path(chaikhana.__file__).parent
        sends = re.compile(r"\b(?:EmailMessage|EmailMultiAlternatives|send_mail|send_mass_mail)\(")
        senders = {
            str(path.relative_to(root))
            for path in root.rglob("*.py")
            if "tests" not in path.parts and sends.search(path.read_text())
        }
        assert senders == {
            "accounts/mail.py",
            "comments/mail.py",
            "courses/mail.py",
            "portal/tasks.py",
        }
