"""A session's page, registering (signed in, as a guest, as an organisation), managing it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chaikhana.core.errors import ActionError
from chaikhana.courses import actions
from chaikhana.courses.access import access_group, access_registration, access_session
from chaikhana.courses.forms import GroupForm, GuestForm
from chaikhana.courses.models import Registration, Session, StudentCalendar


def _session_page(
    request: HttpRequest, found: Session, *, guest_form: Form | None = None, status: int = 200
) -> HttpResponse:
    annotated = Session.objects.with_seats().get(pk=found.pk)
    mine = None
    if request.user.is_authenticated:
        mine = found.registrations.active().filter(user=request.user).first()
    context = {
        "session": annotated,
        "course": found.course,
        "mine": mine,
        "guest_form": guest_form or GuestForm(),
    }
    return render(request, "courses/session.html", context, status=status)


def session(request: HttpRequest, session_id: int) -> HttpResponse:
    return _session_page(request, access_session(request.user, session_id))  # type: ignore[arg-type]


def _placed(request: HttpRequest, registration: Registration) -> HttpResponse:
    if registration.status == Registration.Status.CONFIRMED:
        messages.success(request, _("You are registered. See you there!"))
    else:
        messages.info(request, _("The session is full: you are on the waitlist."))
    return redirect(registration)


@login_required
@require_POST
def register_self(request: HttpRequest, session_id: int) -> HttpResponse:
    found = access_session(request.user, session_id)  # type: ignore[arg-type]
    try:
        registration = actions.register(session=found, user=request.user)  # type: ignore[arg-type]
    except ActionError as error:
        messages.error(request, str(error.message))
        return redirect(found)
    return _placed(request, registration)


@require_POST
def register_guest(request: HttpRequest, session_id: int) -> HttpResponse:
    found = access_session(request.user, session_id)  # type: ignore[arg-type]
    form = GuestForm(request.POST)
    if form.is_valid():
        try:
            registration = actions.register_guest(session=found, person=form.person())
        except ActionError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error.message))
        else:
            return _placed(request, registration)
    return _session_page(request, found, guest_form=form, status=400)


def register_group(request: HttpRequest, session_id: int) -> HttpResponse:
    found = access_session(request.user, session_id)  # type: ignore[arg-type]
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            group = actions.register_group(
                session=found,
                organisation=form.cleaned_data["organisation"],
                contact=form.contact(),
                people=form.cleaned_data["people"],
                by=request.user if request.user.is_authenticated else None,
            )
        except ActionError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error.message))
        else:
            return redirect(group)
    status = 400 if form.is_bound else 200
    context = {"form": form, "session": found, "course": found.course}
    return render(request, "courses/group_form.html", context, status=status)


def group(request: HttpRequest, token: str) -> HttpResponse:
    found = access_group(token)
    people = found.registrations.order_by("created_at", "id")
    return render(request, "courses/group.html", {"group": found, "people": people})


def manage(request: HttpRequest, token: str) -> HttpResponse:
    """A registration by its secret link: status, waitlist place, confirm or cancel."""
    registration = access_registration(token)
    return render(request, "courses/registration.html", {"registration": registration})


@require_POST
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    registration = access_registration(token)
    try:
        actions.cancel_registration(registration=registration)
    except ActionError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect(registration)


@require_POST
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    registration = access_registration(token)
    try:
        actions.confirm_offer(registration=registration)
    except ActionError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The seat is yours. See you there!"))
    return redirect(registration)


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """Her registrations, and the private address of her calendar feed."""
    registrations = (
        Registration.objects.for_listing()
        .filter(user_id=request.user.pk or 0)
        .active()
        .order_by("session__starts_at")
    )
    calendar, _created = StudentCalendar.objects.get_or_create(user=request.user)
    context = {"registrations": registrations, "calendar": calendar}
    return render(request, "courses/mine.html", context)
