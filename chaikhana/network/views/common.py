"""What every staff form view does after an action: a message, or the action's refusal."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.core.errors import ActionError
from chaikhana.network.forms import DeleteForm, ReasonForm


def run(request: HttpRequest, act: Callable[[], object], done: str) -> bool:
    """Call *act*; say *done*, or the action's reason for refusing. True when it ran."""
    try:
        act()
    except ActionError as err:
        messages.error(request, str(err.message))
        return False
    messages.success(request, done)
    return True


def staff_user(request: HttpRequest) -> User:
    """The signed-in staff member (staff_view has let only her through)."""
    assert isinstance(request.user, User)
    return request.user


def reason_given(request: HttpRequest) -> str | None:
    """The reason typed into a suspend or delete form; None, and a message, without one."""
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason: the owner will read it."))
        return None
    reason: str = form.cleaned_data["reason"]
    return reason


def deletion_confirmed(request: HttpRequest) -> str | None:
    """The reason of a delete form whose "yes, delete it" box is ticked; else None, and why."""
    form = DeleteForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, str(errors[0]))
        return None
    reason: str = form.cleaned_data["reason"]
    return reason


def filter_query(form: forms.Form) -> str:
    """The form's non-empty values as a query string, for the pages' links."""
    if not form.is_valid():
        return ""
    return urlencode({k: v for k, v in form.cleaned_data.items() if v})
