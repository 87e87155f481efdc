"""Fetch + permission in one call for porting's dashboard pages: owners only."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.access import access_blog_for_manage, membership_of
from chaikhana.blogs.actions.posts import EditorialBlogRefused
from chaikhana.blogs.models import Blog, Membership, Post
from chaikhana.blogs.permissions import can_manage_blog
from chaikhana.blogs.roles import Role
from chaikhana.core.errors import ActionError
from chaikhana.porting.conf import EXPORT_KEEP_DAYS
from chaikhana.porting.models import ImportRun, UserExport


def access_import_blog(user: User, name: str) -> Blog:
    """The blog *user* owns (403 for other members, 404 for what she cannot see)."""
    blog, _membership = access_blog_for_manage(user, name)
    return blog


def importing_owner(blog: Blog, user: User) -> User:
    """Who an import into *blog* is done by: *user* when she manages it, else its owner.

    The dashboard's user is an owner (start_import checked); the command line may name an
    author to write the posts under (its admin acts for the owner). The portal's blog takes
    no import: its stories are written at the desk.
    """
    if blog.is_editorial:
        raise ActionError(str(EditorialBlogRefused()))
    if can_manage_blog(membership_of(user, blog)):
        return user
    owner = Membership.objects.filter(blog=blog, role=Role.OWNER).select_related("user").first()
    if owner is None:
        raise ActionError(_("The blog has no owner; name one with --owner."))
    return owner.user


def readable_posts(
    request: HttpRequest, blog: Blog, membership: Membership | None
) -> QuerySet[Post]:
    """The posts of *blog* the reader may open: the only ones an old address may lead to."""
    user = request.user if request.user.is_authenticated else None
    return Post.objects.for_blog(blog).readable_by(user, membership)


def access_import_run(user: User, name: str, run_id: int) -> ImportRun:
    blog = access_import_blog(user, name)
    run = ImportRun.objects.filter(blog=blog, pk=run_id).select_related("blog").first()
    if run is None:
        raise Http404(_("There is no such import."))
    return run


def access_user_export(user: User, export_id: int) -> UserExport:
    """*user*'s own prepared export; anyone else's is a 404, so ids reveal nothing."""
    export = UserExport.objects.filter(user=user, pk=export_id).first()
    too_old = timezone.now() - timedelta(days=EXPORT_KEEP_DAYS)
    if export is None or export.created_at < too_old:
        raise Http404(_("There is no such export."))
    return export
