"""Fetch + permission in one call for porting's dashboard pages: owners only."""

from __future__ import annotations

from datetime import timedelta

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.access import access_blog_for_manage
from chaikhana.blogs.models import Blog
from chaikhana.porting.conf import EXPORT_KEEP_DAYS
from chaikhana.porting.models import ImportRun, UserExport


def access_import_blog(user: User, name: str) -> Blog:
    """The blog *user* owns (403 for other members, 404 for what she cannot see)."""
    blog, _membership = access_blog_for_manage(user, name)
    return blog


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
