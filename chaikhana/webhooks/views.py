"""A blog's webhooks (/dashboard/@<blog>/webhooks/, its owner) and the network's
(/network/webhooks/, staff): list and subscribe, one webhook's secret and delivery log,
send a test, delete. Thin: an access helper, one action, render."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog
from chaikhana.core.errors import ActionError
from chaikhana.network.access import staff_view
from chaikhana.webhooks import actions, conf, events
from chaikhana.webhooks.access import access_blog_webhooks, access_endpoint
from chaikhana.webhooks.forms import EndpointForm
from chaikhana.webhooks.models import Endpoint


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _names(blog: Blog | None) -> tuple[str, ...]:
    return events.BLOG_EVENTS if blog is not None else events.NETWORK_EVENTS


def _context(request: HttpRequest, blog: Blog | None, **more: Any) -> dict[str, Any]:
    layout = "webhooks/blog.html" if blog else "webhooks/network.html"
    # The dashboard's side bar shows the blog's links when it knows her membership.
    membership = getattr(request, "_webhooks_membership", None)
    return {"blog": blog, "membership": membership, "layout": layout, **more}


def _to_endpoint(blog: Blog | None, endpoint: Endpoint) -> HttpResponse:
    if blog is not None:
        return redirect("webhooks:endpoint", blog=blog.name, endpoint_id=endpoint.pk)
    return redirect("network_webhooks:endpoint", endpoint_id=endpoint.pk)


def _to_list(blog: Blog | None) -> HttpResponse:
    if blog is not None:
        return redirect("webhooks:list", blog=blog.name)
    return redirect("network_webhooks:list")


def _list(request: HttpRequest, blog: Blog | None) -> HttpResponse:
    form = EndpointForm(request.POST or None, names=_names(blog))
    if request.method == "POST" and form.is_valid():
        try:
            endpoint = actions.create_endpoint(
                blog=blog,
                by=_user(request),
                url=form.cleaned_data["url"],
                chosen=form.cleaned_data["events"],
                description=form.cleaned_data["description"],
            )
        except ActionError as error:
            form.add_error(error.field, str(error.message))
        else:
            messages.success(request, _("Subscribed. Copy the signing secret into your app."))
            return _to_endpoint(blog, endpoint)
    endpoints = list(Endpoint.objects.for_blog(blog))
    return render(
        request, "webhooks/list.html", _context(request, blog, form=form, endpoints=endpoints)
    )


def _detail(request: HttpRequest, blog: Blog | None, endpoint_id: int) -> HttpResponse:
    endpoint = access_endpoint(blog, endpoint_id)
    log = list(endpoint.deliveries.defer("body")[: conf.LOG_ROWS])
    labels = {name: events.EVENTS[name] for name in endpoint.event_list}
    return render(
        request,
        "webhooks/endpoint.html",
        _context(request, blog, endpoint=endpoint, log=log, labels=labels),
    )


def _test(request: HttpRequest, blog: Blog | None, endpoint_id: int) -> HttpResponse:
    endpoint = access_endpoint(blog, endpoint_id)
    actions.send_test(endpoint=endpoint, by=_user(request))
    messages.success(request, _("A test was sent; its delivery is at the top of the log."))
    return _to_endpoint(blog, endpoint)


def _delete(request: HttpRequest, blog: Blog | None, endpoint_id: int) -> HttpResponse:
    endpoint = access_endpoint(blog, endpoint_id)
    actions.delete_endpoint(endpoint=endpoint, by=_user(request))
    messages.success(request, _("The webhook was deleted; nothing more is sent to it."))
    return _to_list(blog)


def _for_blog(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    def wrapped(request: HttpRequest, blog: str, **kwargs: Any) -> HttpResponse:
        the_blog, membership = access_blog_webhooks(_user(request), blog)
        request._webhooks_membership = membership  # type: ignore[attr-defined]
        return view(request, the_blog, **kwargs)

    return login_required(wrapped)


def _for_network(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    def wrapped(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        return view(request, None, **kwargs)

    return staff_view(wrapped)


blog_list = _for_blog(_list)
blog_endpoint = _for_blog(_detail)
blog_test = _for_blog(require_POST(_test))
blog_delete = _for_blog(require_POST(_delete))
network_list = _for_network(_list)
network_endpoint = _for_network(_detail)
# The staff check first, so a stranger never learns which methods an address takes.
network_test = _for_network(require_POST(_test))
network_delete = _for_network(require_POST(_delete))
