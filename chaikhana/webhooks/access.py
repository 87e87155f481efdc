"""Fetch + permission: a blog's webhooks are its owner's; the network's are staff's."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.access import access_blog_for_manage
from chaikhana.blogs.models import Blog, Membership
from chaikhana.webhooks.models import Endpoint


def access_blog_webhooks(user: User, name: str) -> tuple[Blog, Membership]:
    """The blog if *user* owns it (403 for other members, 404 for strangers of hidden ones)."""
    return access_blog_for_manage(user, name)


def access_endpoint(blog: Blog | None, endpoint_id: int) -> Endpoint:
    """A webhook of *blog* (None: the network's); any other answers 404."""
    endpoint = Endpoint.objects.for_blog(blog).filter(pk=endpoint_id).first()
    if endpoint is None:
        raise Http404(_("There is no such webhook."))
    return endpoint
