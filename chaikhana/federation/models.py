"""What federation stores: our actors' keys and switches, remote actors, followers, what they
did to our posts (likes, boosts, replies) and the deliveries we owe them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.models import Blog, Post
from chaikhana.comments.models import Comment
from chaikhana.portal.models import Section


class ActorKey(models.Model):
    """The RSA key pair one of our actors signs with; ``actor`` is its local id.

    ``blog:<id>`` for a blog (the portal included), ``site`` for the instance actor that
    signs our key fetches. Stored as plain PEM: see docs/federation.md ("Keys").
    """

    actor = models.CharField(max_length=40, unique=True)
    # The blog's address when its key was made: all we keep to answer 410 once it is deleted.
    name = models.CharField(max_length=40, blank=True)
    private_pem = models.TextField()
    public_pem = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.actor


class GoneActor(models.Model):
    """The address of a deleted blog that was an actor: its actor and WebFinger answer 410.

    Only the blog's address, which was public: no title, no pen name, no account.
    """

    name = models.CharField(max_length=40, unique=True)
    gone_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class BlogFederationQuerySet(models.QuerySet["BlogFederation"]):
    def of(self, blog: Blog) -> BlogFederation:
        """The blog's switches; the defaults (on, followers accepted) when never set.

        Kept on the blog object: a page asks twice (follow box, <link rel=alternate>).
        """
        found = blog.__dict__.get("_federation_choice")
        if found is None:
            found = self.filter(blog=blog).first() or BlogFederation(blog=blog)
            blog.__dict__["_federation_choice"] = found
        return found


class BlogFederation(models.Model):
    """An owner's choices: federate at all, and whether followers wait for her approval."""

    blog = models.OneToOneField(Blog, on_delete=models.CASCADE, primary_key=True, related_name="+")
    enabled = models.BooleanField(
        _("followed from the fediverse"),
        default=True,
        help_text=_(
            "Off: the blog has no fediverse address, and posts already sent are withdrawn."
        ),
    )
    approve_followers = models.BooleanField(
        _("I approve each new follower"),
        default=False,
        help_text=_("New followers wait here until you accept them."),
    )

    objects = BlogFederationQuerySet.as_manager()

    def __str__(self) -> str:
        return str(self.blog_id)


class RemoteActor(models.Model):
    """An actor on another server, as its own server describes it (all of it untrusted text)."""

    uri = models.URLField(max_length=500, unique=True)
    host = models.CharField(max_length=255, db_index=True)
    inbox = models.URLField(max_length=500)
    shared_inbox = models.URLField(max_length=500, blank=True)
    name = models.CharField(max_length=200, blank=True)
    handle = models.CharField(max_length=300, blank=True)  # preferredUsername@host
    url = models.URLField(max_length=500, blank=True)
    key_id = models.CharField(max_length=500, db_index=True)
    public_pem = models.TextField()
    fetched_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.handle or self.uri


class FollowerQuerySet(models.QuerySet["Follower"]):
    def accepted(self) -> FollowerQuerySet:
        return self.filter(state=Follower.State.ACCEPTED)

    def for_blog(self, blog: Blog) -> FollowerQuerySet:
        return self.filter(blog=blog)


class Follower(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        ACCEPTED = "accepted", _("Following")

    blog = models.ForeignKey(Blog, on_delete=models.CASCADE, related_name="+")
    remote = models.ForeignKey(RemoteActor, on_delete=models.CASCADE, related_name="follows")
    state = models.CharField(max_length=8, choices=State.choices, default=State.PENDING)
    follow_uri = models.URLField(max_length=500)  # the Follow we answer with Accept/Reject
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FollowerQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["blog", "remote"], name="one_follow_per_remote")
        ]

    def __str__(self) -> str:
        return f"{self.remote} → {self.blog_id}"


class SectionFollower(models.Model):
    """A remote account following one portal section's actor (accepted at once).

    Apart from Follower: a section is no blog, and what it sends names only portal stories.
    """

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="+")
    remote = models.ForeignKey(RemoteActor, on_delete=models.CASCADE, related_name="+")
    follow_uri = models.URLField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["section", "remote"], name="one_section_follow")
        ]

    def __str__(self) -> str:
        return f"{self.remote} → section {self.section_id}"


class ReactionQuerySet(models.QuerySet["Reaction"]):
    def counts_by_post(self, post_ids: list[int]) -> dict[int, int]:
        rows = self.filter(post_id__in=post_ids).values("post_id").annotate(n=models.Count("id"))
        return {row["post_id"]: row["n"] for row in rows}


class Reaction(models.Model):
    """A Like or an Announce (boost) of one of our posts."""

    class Kind(models.TextChoices):
        LIKE = "like", _("Like")
        ANNOUNCE = "announce", _("Boost")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    remote = models.ForeignKey(RemoteActor, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    activity_uri = models.URLField(max_length=500, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ReactionQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "remote", "kind"], name="one_reaction_each")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.post_id}"


class RemoteReply(models.Model):
    """The comment a remote reply became, and the object it came from (for Update/Delete)."""

    comment = models.OneToOneField(Comment, on_delete=models.CASCADE, related_name="+")
    remote = models.ForeignKey(RemoteActor, on_delete=models.CASCADE, related_name="+")
    object_uri = models.URLField(max_length=500, unique=True)

    def __str__(self) -> str:
        return self.object_uri


class DeliveryQuerySet(models.QuerySet["Delivery"]):
    def for_post(self, post_id: int) -> DeliveryQuerySet:
        return self.filter(post_id=post_id)

    def summary(self) -> dict[str, int]:
        """How many servers got it, are still being tried, and were given up on."""
        counts = dict(self.values_list("status").annotate(n=models.Count("host", distinct=True)))
        return {status: counts.get(status, 0) for status in Delivery.Status.values}

    def servers_by_post(self, post_ids: list[int]) -> dict[int, dict[str, int]]:
        """For each post: servers delivered to, still being tried, failing (the owner's log)."""

        def servers(status: str) -> models.Count:
            return models.Count("host", distinct=True, filter=models.Q(status=status))

        rows = (
            self.filter(post_id__in=post_ids)
            .values("post_id")
            .annotate(
                delivered=servers(Delivery.Status.DELIVERED),
                pending=servers(Delivery.Status.PENDING),
                failed=servers(Delivery.Status.FAILED),
            )
        )
        return {row["post_id"]: row for row in rows}


class Delivery(models.Model):
    """One activity owed to one inbox (a shared inbox stands for a whole server)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Being delivered")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    blog = models.ForeignKey(Blog, on_delete=models.CASCADE, related_name="+")
    post_id = models.PositiveIntegerField(null=True, db_index=True)  # the post may be gone
    activity = models.JSONField()
    inbox = models.URLField(max_length=500)
    host = models.CharField(max_length=255)
    # Which of our keys signs it (keys.py), when not the blog's own: a portal section's.
    signer = models.CharField(max_length=40, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DeliveryQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.activity.get('type')} → {self.inbox}"


class Instance(models.Model):
    """What we know of a remote server's health: a long run of failures marks it dead."""

    host = models.CharField(max_length=255, unique=True)
    failing_since = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.host


class SentArticleQuerySet(models.QuerySet["SentArticle"]):
    def recent_ids(self, blog: Blog, count: int) -> list[int]:
        """The ids of the blog's posts most recently sent out, newest first."""
        rows = self.filter(blog=blog).order_by("-created_at")
        return list(rows.values_list("post_id", flat=True)[:count])


class SentArticle(models.Model):
    """A post our followers were told of: the version they have, and whether it was deleted.

    Decides Create (never sent), Update (a newer version) or Delete (no longer public).
    """

    post_id = models.PositiveIntegerField(unique=True)  # no foreign key: outlives the post
    blog = models.ForeignKey(Blog, on_delete=models.CASCADE, related_name="+")
    version = models.PositiveIntegerField()
    is_deleted = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SentArticleQuerySet.as_manager()

    def __str__(self) -> str:
        return str(self.post_id)


class BlockedActor(models.Model):
    """A remote account a blog's owner blocked: its follows and replies are refused."""

    blog = models.ForeignKey(Blog, on_delete=models.CASCADE, related_name="+")
    uri = models.URLField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["blog", "uri"], name="one_block_per_actor")]

    def __str__(self) -> str:
        return self.uri


class InstancePolicyQuerySet(models.QuerySet["InstancePolicy"]):
    def mode_for(self, host: str) -> str | None:
        """The network's rule for *host* or any domain above it (block wins over limit)."""
        parts = host.lower().split(".")
        domains = {".".join(parts[i:]) for i in range(len(parts))}
        modes = set(self.filter(host__in=domains).values_list("mode", flat=True))
        for mode in (InstancePolicy.Mode.BLOCK, InstancePolicy.Mode.LIMIT):
            if mode in modes:
                return mode
        return None


class InstancePolicy(models.Model):
    """The network's rule for a whole remote server, set by staff in /network/fediverse/."""

    class Mode(models.TextChoices):
        BLOCK = "block", _("Block the server")
        LIMIT = "limit", _("Limit the server")

    host = models.CharField(_("server"), max_length=255, unique=True)
    mode = models.CharField(_("rule"), max_length=8, choices=Mode.choices)
    note = models.CharField(_("why (staff only)"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = InstancePolicyQuerySet.as_manager()

    class Meta:
        ordering = ["host"]
        verbose_name = _("server rule")

    def __str__(self) -> str:
        return f"{self.host} ({self.mode})"
