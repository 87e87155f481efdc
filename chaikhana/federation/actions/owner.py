"""A blog owner's choices about the fediverse: federate or not, approve followers, and her
followers themselves (accept, remove, block)."""

from __future__ import annotations

from functools import partial

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs import signals as blog_signals
from chaikhana.blogs.models import Blog, Membership
from chaikhana.blogs.permissions import can_manage_blog
from chaikhana.federation.actions.inbound import answer_follow
from chaikhana.federation.models import BlockedActor, BlogFederation, Follower


def _require_owner(blog: Blog, by: User) -> None:
    membership = Membership.objects.for_blog(blog).filter(user=by).first()
    if membership is None or not can_manage_blog(membership):
        raise PermissionDenied(_("Only the blog's owner may change this."))


@transaction.atomic
def update_blog_federation(
    *, blog: Blog, by: User, enabled: bool, approve_followers: bool
) -> BlogFederation:
    """Save her switches; turning federation off withdraws every federated post (Delete)."""
    _require_owner(blog, by)
    choice, _created = BlogFederation.objects.update_or_create(
        blog=blog, defaults={"enabled": enabled, "approve_followers": approve_followers}
    )
    blog.__dict__["_federation_choice"] = choice
    # The blog's pages show the follow box or not, and the withdrawal is federation's own
    # receiver of this signal: one path whatever changed the blog.
    transaction.on_commit(partial(blog_signals.blog_changed.send, Blog, blog_id=blog.pk))
    return choice


@transaction.atomic
def accept_follower(*, follower: Follower, by: User) -> Follower:
    """Let a waiting follower in (Accept to her server)."""
    _require_owner(follower.blog, by)
    follower.state = Follower.State.ACCEPTED
    follower.save(update_fields=["state"])
    answer_follow(follower, "Accept")
    return follower


@transaction.atomic
def remove_follower(*, follower: Follower, by: User) -> None:
    """Remove a follower; Reject tells her server to stop counting her as one."""
    _require_owner(follower.blog, by)
    answer_follow(follower, "Reject")
    follower.delete()


@transaction.atomic
def block_follower(*, follower: Follower, by: User) -> BlockedActor:
    """Remove her and refuse her follows and replies from now on."""
    blog, uri = follower.blog, follower.remote.uri
    remove_follower(follower=follower, by=by)
    block, _created = BlockedActor.objects.get_or_create(blog=blog, uri=uri)
    return block
