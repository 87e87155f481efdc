"""The subscribe form on public pages, and the editor's email switch, as template tags, so
blogs, portal and writing never import newsletters (it listens).

``{% subscribe_form "blog" blog.name %}``, ``{% subscribe_form "section" section.slug %}``,
``{% subscribe_tag_form %}`` (a blog's tag archive: the tag across the network),
``{% post_mailing_switch post %}``. No CSRF token, so the pages stay in the shared cache; no
query but the tag's name on a tag page.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings

from chaikhana.blogs.models import Post, Tag
from chaikhana.newsletters.forms import SubscribeForm
from chaikhana.newsletters.models import PostMailing

register = template.Library()


def _form(context: template.Context, kind: str, target: str, label: str) -> dict[str, Any]:
    form = SubscribeForm(initial={"kind": kind, "target": target}, auto_id=f"nl-{kind}-%s")
    return {
        "form": form,
        "label": label,
        "kind": kind,
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE),
        "action": _network_address(context),
    }


def _network_address(context: template.Context) -> str:
    """On a blog's own host (subdomain mode) the form posts to the network's host."""
    request = context.get("request")
    path = "/newsletters/subscribe/"
    if request is not None and getattr(request, "blog_name", None):
        return settings.SITE_URL + path
    return path


@register.inclusion_tag("newsletters/_subscribe_form.html", takes_context=True)
def subscribe_form(context: template.Context, kind: str, target: str, label: str = "") -> dict:
    return _form(context, kind, str(target), label)


@register.inclusion_tag("newsletters/_subscribe_form.html", takes_context=True)
def subscribe_tag_form(context: template.Context) -> dict[str, Any]:
    """On a blog's tag archive only (the tag is the page's ``slug``); elsewhere nothing."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    slug = str(match.kwargs.get("slug", "")) if match and match.url_name == "tag" else ""
    if not slug:
        return {"form": None}
    blog = context.get("blog")
    name = Tag.objects.filter(blog=blog, slug=slug).values_list("name", flat=True).first()
    return _form(context, "tag", slug, f"#{name or slug}")


@register.inclusion_tag("newsletters/_post_mailing.html", takes_context=True)
def post_mailing_switch(context: template.Context, post: Post | None) -> dict[str, Any]:
    """The editor's "send this post by email" switch: saved posts that are not yet public."""
    if post is None or post.pk is None or post.kind != Post.Kind.POST:
        return {"post": None}
    off = PostMailing.objects.filter(post=post, send=False).exists()
    return {
        "post": post,
        "send": not off,
        "sent": post.is_public,
        "private": post.status == Post.Status.PRIVATE,
        "csrf_token": context.get("csrf_token"),
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE),
    }
