"""Which of our blogs are actors, their addresses and handles, and their JSON.

Every listed, active blog is one actor whose name is the blog's address: nothing in it names
or links the people who write there (pen names stay unlinked: three blogs of one person are
three unrelated actors). Blogs are ``Person`` (what Mastodon, WriteFreely and Ghost use for
a blog that publishes: ``Group`` would make Mastodon treat it as a forum that boosts posts
addressed to it), the portal is an ``Organization``; the instance actor, which only signs
our key fetches, is an ``Application``. See docs/federation.md.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse as _reverse

from chaikhana.blogs.models import Blog
from chaikhana.core.urls import absolute_url, site_url
from chaikhana.federation import conf, keys
from chaikhana.federation.models import BlogFederation, GoneActor

AS_PUBLIC = "https://www.w3.org/ns/activitystreams#Public"
CONTEXT: list[Any] = [
    "https://www.w3.org/ns/activitystreams",
    "https://w3id.org/security/v1",
    {
        "manuallyApprovesFollowers": "as:manuallyApprovesFollowers",
        "sensitive": "as:sensitive",
        "Hashtag": "as:Hashtag",
        "toot": "http://joinmastodon.org/ns#",
        "featured": {"@id": "toot:featured", "@type": "@id"},
        "discoverable": "toot:discoverable",
        "indexable": "toot:indexable",
    },
]
AP_CONTENT_TYPE = "application/activity+json"


def reverse(viewname: str, **kwargs: object) -> str:
    """A path on the network's host, even while a blog's own host is answering (subdomain)."""
    return _reverse(viewname, urlconf=settings.ROOT_URLCONF, kwargs=kwargs or None)


class Gone(Exception):
    """The blog existed and is suspended or deleted: its actor answers 410."""


def domain() -> str:
    """The host in our handles (``@blog@domain``): the network's own host."""
    return urlsplit(site_url()).netloc


def handle_hosts(blog_name: str) -> set[str]:
    """Hosts an ``acct:`` of this blog may name: the network's, and in subdomain mode its own."""
    hosts = {domain().lower()}
    if settings.BLOG_HOST_MODE == "subdomain" and settings.BLOG_DOMAIN:
        hosts.add(f"{blog_name}.{settings.BLOG_DOMAIN}".lower())
    return hosts


def is_federating(blog: Blog) -> bool:
    """Listed, active, not switched off by its owner or by the network.

    The portal has no owner's dashboard: it federates whenever the network does.
    """
    return (
        conf.site_enabled()
        and blog.is_active
        and blog.is_listed
        and (blog.is_editorial or BlogFederation.objects.of(blog).enabled)
    )


def actor_blog(name: str) -> Blog | None:
    """The blog behind actor *name*, or None (404); Gone when suspended or deleted (410)."""
    blog = Blog.objects.filter(name=name).first()
    if not conf.site_enabled():
        return None
    if blog is None:
        if GoneActor.objects.filter(name=name).exists():
            raise Gone(name)
        return None
    if not blog.is_active and blog.is_listed:
        raise Gone(name)
    return blog if is_federating(blog) else None


def actor_id(blog: Blog) -> str:
    return absolute_url(reverse("federation:actor", name=blog.name))


def actor_url(blog: Blog, view: str) -> str:
    return absolute_url(reverse(f"federation:{view}", name=blog.name))


def site_actor_id() -> str:
    return absolute_url(reverse("federation:site_actor"))


def shared_inbox() -> str:
    return absolute_url(reverse("federation:shared_inbox"))


def blog_json(blog: Blog) -> dict[str, Any]:
    key = keys.key_for(keys.blog_actor(blog.pk), name=blog.name)
    ident = actor_id(blog)
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "id": ident,
        "type": "Organization" if blog.is_editorial else "Person",
        "preferredUsername": blog.name,
        "name": blog.title,
        "summary": blog.tagline,
        "url": absolute_url(blog.get_absolute_url()),
        "inbox": actor_url(blog, "inbox"),
        "outbox": actor_url(blog, "outbox"),
        "followers": actor_url(blog, "followers"),
        "following": actor_url(blog, "following"),
        "featured": actor_url(blog, "featured"),
        "endpoints": {"sharedInbox": shared_inbox()},
        "manuallyApprovesFollowers": BlogFederation.objects.of(blog).approve_followers,
        "discoverable": True,
        "indexable": True,
        "publicKey": {"id": f"{ident}#main-key", "owner": ident, "publicKeyPem": key.public_pem},
        "icon": {
            "type": "Image",
            "mediaType": "image/png",
            "url": absolute_url(reverse("app_icon", size=512)),
        },
    }
    if blog.header_image:
        data["image"] = {"type": "Image", "url": absolute_url(blog.header_image)}
    return data


def site_json() -> dict[str, Any]:
    key = keys.key_for(keys.SITE)
    ident = site_actor_id()
    return {
        "@context": CONTEXT,
        "id": ident,
        "type": "Application",
        "preferredUsername": domain(),
        "name": str(settings.NETWORK_NAME),
        "inbox": shared_inbox(),
        "outbox": absolute_url(reverse("federation:site_outbox")),
        "url": absolute_url("/"),
        "manuallyApprovesFollowers": True,
        "publicKey": {"id": f"{ident}#main-key", "owner": ident, "publicKeyPem": key.public_pem},
    }
