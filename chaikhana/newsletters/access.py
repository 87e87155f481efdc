"""Fetch + permission for newsletters: lists by what a reader sees, subscribers by owner only."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.access import access_blog, access_blog_as_member, access_post
from chaikhana.blogs.models import Blog, Membership, Post
from chaikhana.blogs.roles import Role
from chaikhana.newsletters.actions import list_for_blog, list_for_section, list_for_tag
from chaikhana.newsletters.models import MailingList, Subscription
from chaikhana.portal.models import Section


def access_list_to_join(kind: str, target: str) -> MailingList:
    """The list a stranger may subscribe to (made on first use); 404 for what she cannot read."""
    if kind == MailingList.Kind.BLOG:
        blog, _membership = access_blog(None, target)
        return list_for_blog(blog=blog)
    if kind == MailingList.Kind.SECTION:
        section = Section.objects.filter(slug=target).first()
        if section is None:
            raise Http404(_("There is no section at this address."))
        return list_for_section(section=section)
    return list_for_tag(slug=target)


def access_blog_subscribers(user: User, name: str) -> tuple[Blog, Membership]:
    """A blog whose subscribers *user* may see: its owner only (addresses are personal data).

    The portal's blog has no members here (access_blog_as_member refuses it).
    """
    blog, membership = access_blog_as_member(user, name)
    if membership.role != Role.OWNER:
        raise PermissionDenied(_("Only the blog's owner sees who subscribed to it."))
    return blog, membership


def access_subscriber(blog: Blog, subscription_id: int) -> Subscription:
    sub = Subscription.objects.of_blog(blog).filter(pk=subscription_id).first()
    if sub is None:
        raise Http404(_("There is no such subscriber."))
    return sub


def access_unsubscribe(secret: str) -> Subscription:
    """The subscription an unsubscribe link names; 404 for a forged or deleted one."""
    sub = (
        Subscription.objects.select_related("mailing_list__blog", "mailing_list__section")
        .filter(secret=secret)
        .first()
        if secret
        else None
    )
    if sub is None:
        raise Http404(
            _(
                "This unsubscribe link is not valid. If you still get our messages, "
                "use the link in the newest one."
            )
        )
    return sub


def access_post_mailing(user: User, name: str, post_id: int) -> Post:
    """A post whose email switch *user* may turn: one she may edit."""
    blog, _membership = access_blog_as_member(user, name)
    return access_post(user, blog, post_id, for_edit=True)


def access_my_subscription(user: User, subscription_id: int) -> Subscription:
    sub = Subscription.objects.of_address(user.email).filter(pk=subscription_id).first()
    if not user.email or sub is None:
        raise Http404(_("There is no such subscription."))
    return sub
