"""/tag/<slug>/feed/: a network-wide tag as RSS 2.0, so an exported tag follow has a feed.

The same posts a followed tag brings into the river: published, in listed blogs only.
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from chaikhana.blogs.models import Blog, Post, Tag
from chaikhana.reading.feeds.base import FeedScope, JsonPostFeed, PostFeed, tag_authority


class _NetworkTagScope:
    def get_object(self, request: HttpRequest, slug: str) -> FeedScope:
        listed = Blog.objects.listed()
        tag = Tag.objects.filter(slug=slug, blog__in=listed).order_by("pk").first()
        if tag is None:
            raise Http404(_("There is no tag at this address."))
        # A sub-select, not a join: a post is listed once however its tags repeat.
        tagged = Post.tags.through.objects.filter(tag__slug=slug).values("post_id")
        posts = Post.objects.posts().published().filter(blog__in=listed, pk__in=tagged)
        name = settings.NETWORK_NAME
        return FeedScope(
            title=f"#{tag.name} · {name}",
            link=reverse("reading:tag_feed", kwargs={"slug": slug}, urlconf=settings.ROOT_URLCONF),
            description=_("Posts tagged “%(tag)s” across %(network)s")
            % {"tag": tag.name, "network": name},
            language=get_language(),
            posts=posts.for_listing(),
            author=name,
            authority=tag_authority(request),
        )


class NetworkTagFeed(_NetworkTagScope, PostFeed):
    pass


class NetworkTagJsonFeed(_NetworkTagScope, JsonPostFeed):
    pass
