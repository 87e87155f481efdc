"""The owner's fediverse page: /dashboard/@blog/fediverse/ — her switches, her followers,
and how the last posts' deliveries went."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chaikhana.accounts.http import AuthedRequest
from chaikhana.blogs.access import access_blog_for_manage
from chaikhana.blogs.models import Post
from chaikhana.federation.access import access_follower
from chaikhana.federation.actions import owner
from chaikhana.federation.actors import domain
from chaikhana.federation.forms import BlogFederationForm
from chaikhana.federation.models import BlogFederation, Delivery, Follower, Reaction, SentArticle

RECENT_POSTS = 10
FOLLOWERS_SHOWN = 200


@login_required
def fediverse(request: AuthedRequest, blog: str) -> HttpResponse:
    the_blog, membership = access_blog_for_manage(request.user, blog)
    form = BlogFederationForm(request.POST or None, instance=BlogFederation.objects.of(the_blog))
    if request.method == "POST" and form.is_valid():
        owner.update_blog_federation(blog=the_blog, by=request.user, **form.cleaned_data)
        messages.success(request, _("Fediverse settings saved."))
        return redirect("federation_dashboard:fediverse", blog=the_blog.name)
    followers = Follower.objects.for_blog(the_blog).select_related("remote").order_by("-created_at")
    sent_ids = SentArticle.objects.recent_ids(the_blog, RECENT_POSTS)
    posts = Post.objects.for_blog(the_blog).filter(pk__in=sent_ids).only("pk", "title", "slug")
    reactions = Reaction.objects.counts_by_post(sent_ids)
    deliveries = Delivery.objects.servers_by_post(sent_ids)
    context = {
        "blog": the_blog,
        "membership": membership,
        "form": form,
        "handle": f"@{the_blog.name}@{domain()}",
        "followers": list(followers[:FOLLOWERS_SHOWN]),
        "accepted_count": followers.filter(state=Follower.State.ACCEPTED).count(),
        "pending_count": followers.filter(state=Follower.State.PENDING).count(),
        "posts": [
            {"post": p, "reactions": reactions.get(p.pk, 0), **deliveries.get(p.pk, {})}
            for p in posts
        ],
    }
    return render(request, "federation/dashboard.html", context)


@login_required
@require_POST
def accept(request: AuthedRequest, blog: str, pk: int) -> HttpResponse:
    follower = access_follower(request.user, blog, pk)
    owner.accept_follower(follower=follower, by=request.user)
    messages.success(request, _("%(name)s now follows the blog.") % {"name": follower.remote})
    return redirect("federation_dashboard:fediverse", blog=blog)


@login_required
@require_POST
def remove(request: AuthedRequest, blog: str, pk: int) -> HttpResponse:
    follower = access_follower(request.user, blog, pk)
    owner.remove_follower(follower=follower, by=request.user)
    messages.success(request, _("%(name)s no longer follows the blog.") % {"name": follower.remote})
    return redirect("federation_dashboard:fediverse", blog=blog)


@login_required
@require_POST
def block(request: AuthedRequest, blog: str, pk: int) -> HttpResponse:
    follower = access_follower(request.user, blog, pk)
    owner.block_follower(follower=follower, by=request.user)
    messages.success(request, _("%(name)s is removed and blocked.") % {"name": follower.remote})
    return redirect("federation_dashboard:fediverse", blog=blog)
