"""Who may administer the network: staff only. Every view here goes through these."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from chaikhana.accounts.models import User
from chaikhana.accounts.twofactor.decorators import acts_as_staff, otp_required_for_staff
from chaikhana.blogs.models import Blog
from chaikhana.comments.spam.models import BlockedTerm
from chaikhana.core.models import InviteCode


def access_staff(user: User | Any) -> User:
    """*user* if she acts as network staff now (staff, in a session verified with a second
    factor: ``acts_as_staff``); 403 for anyone else who is signed in."""
    if not (isinstance(user, User) and acts_as_staff(user)):
        raise PermissionDenied(_("Only the network's staff may open this page."))
    return user


def staff_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anonymous visitors go to the login page; signed-in non-staff get 403; staff must have
    passed two-factor authentication in this session (enrolment first, if they have none)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        access_staff(request.user)
        return view(request, *args, **kwargs)

    # Staff pages show private data: never cached, by anyone.
    return login_required(never_cache(otp_required_for_staff(wrapper)))


def access_person(staff: User | Any, pk: int) -> User:
    """A person, for staff; 404 when there is none."""
    access_staff(staff)
    if (person := User.objects.filter(pk=pk).first()) is None:
        raise Http404(_("There is no such person."))
    return person


def access_any_blog(staff: User | Any, pk: int) -> Blog:
    """Any blog, suspended or not, for staff; 404 when there is none."""
    access_staff(staff)
    if (blog := Blog.objects.filter(pk=pk).first()) is None:
        raise Http404(_("There is no such blog."))
    return blog


def access_invite(staff: User | Any, pk: int) -> InviteCode:
    access_staff(staff)
    if (invite := InviteCode.objects.filter(pk=pk).first()) is None:
        raise Http404(_("There is no such invite code."))
    return invite


def access_blocked_term(staff: User | Any, pk: int) -> BlockedTerm:
    """A blocklist entry, for staff; 404 when there is none (another staff member removed it)."""
    access_staff(staff)
    if (term := BlockedTerm.objects.filter(pk=pk).first()) is None:
        raise Http404(_("This is no longer on the blocklist."))
    return term
