"""The network's blocklists: the words and link domains staff block for every blog."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chaikhana.comments.spam import conf as spam_conf
from chaikhana.comments.spam.models import BlockedTerm
from chaikhana.core.errors import ActionError
from chaikhana.network import actions
from chaikhana.network.access import access_blocked_term, staff_view
from chaikhana.network.forms import BlockDomainForm, BlockWordForm
from chaikhana.network.views.common import run, staff_user


def _page(
    request: HttpRequest,
    *,
    word_form: BlockWordForm | None = None,
    domain_form: BlockDomainForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "words": BlockedTerm.objects.words().order_by("value"),
        "domains": BlockedTerm.objects.domains().order_by("value"),
        "word_form": word_form or BlockWordForm(),
        "domain_form": domain_form or BlockDomainForm(),
        "words_are_spam": spam_conf.blocked_word_verdict() == "spam",
        "section": "blocklist",
    }
    return render(request, "network/blocklist.html", context, status=status)


def _added(request: HttpRequest, form: forms.Form, add: Callable[[], BlockedTerm]) -> bool:
    """Call *add*; its refusal becomes an error on *form*, which keeps what was typed."""
    try:
        term = add()
    except ActionError as err:
        form.add_error(err.field, str(err.message))
        return False
    messages.success(request, _("“%(value)s” is blocked.") % {"value": term.value})
    return True


@staff_view
def blocklist(request: HttpRequest) -> HttpResponse:
    return _page(request)


@staff_view
@require_POST
def block_word(request: HttpRequest) -> HttpResponse:
    form, by = BlockWordForm(request.POST), staff_user(request)
    if form.is_valid() and _added(
        request, form, lambda: actions.block_word(word=form.cleaned_data["word"], by=by)
    ):
        return redirect("network:blocklist")
    return _page(request, word_form=form, status=400)  # what she typed, and why not


@staff_view
@require_POST
def block_domain(request: HttpRequest) -> HttpResponse:
    form, by = BlockDomainForm(request.POST), staff_user(request)
    if form.is_valid() and _added(
        request, form, lambda: actions.block_domain(domain=form.cleaned_data["domain"], by=by)
    ):
        return redirect("network:blocklist")
    return _page(request, domain_form=form, status=400)


@staff_view
@require_POST
def unblock(request: HttpRequest, pk: int) -> HttpResponse:
    term, by = access_blocked_term(request.user, pk), staff_user(request)
    run(request, lambda: actions.unblock_term(term=term, by=by),
        _("“%(value)s” is no longer blocked.") % {"value": term.value})  # fmt: skip
    return redirect("network:blocklist")
