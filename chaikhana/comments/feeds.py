"""Comment feeds, RSS 2.0, Atom and JSON Feed 1.1, per post and per blog (Django's
syndication framework).

Read anonymously, so they carry what a stranger may read: approved comments on published
posts of public and unlisted blogs; a private blog's feeds answer 404.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import feedgenerator
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import conditional_page

from chaikhana.blogs.access import access_blog
from chaikhana.blogs.models import Blog, Post
from chaikhana.blogs.views.common import blog_name
from chaikhana.comments.models import Comment, CommentQuerySet
from chaikhana.core.jsonfeed import JsonFeed
from chaikhana.core.xml import AtomFeed, RssFeed

FEED_COMMENTS = 30


def _published_comments(posts: Any) -> CommentQuerySet:
    return (
        Comment.objects.approved()
        .filter(post__in=posts)
        .with_shown_names()
        .select_related("post__blog")
        .order_by("-created_at", "-id")
    )


class BlogCommentsRssFeed(Feed):
    feed_type: type[feedgenerator.SyndicationFeed] = RssFeed

    # An unchanged feed answers 304: readers poll over paid connections.
    @method_decorator(conditional_page)
    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request: HttpRequest, blog: str | None = None) -> Blog:
        return access_blog(None, blog_name(request, blog))[0]

    def title(self, obj: Blog) -> str:
        return _("Comments on %(title)s") % {"title": obj.title}

    def link(self, obj: Blog) -> str:
        return obj.get_absolute_url()

    def description(self, obj: Blog) -> str:
        return self.title(obj)

    def items(self, obj: Blog) -> list[Comment]:
        posts = Post.objects.for_blog(obj).published()
        return list(_published_comments(posts)[:FEED_COMMENTS])

    def item_title(self, item: Comment) -> str:
        return _("%(name)s on “%(title)s”") % {"name": item.shown_name, "title": item.post.title}

    def item_description(self, item: Comment) -> str:
        return item.body_html

    def item_link(self, item: Comment) -> str:
        return item.get_absolute_url()

    def item_author_name(self, item: Comment) -> str:
        return item.shown_name  # never an email, a username or her account-wide name

    def item_pubdate(self, item: Comment) -> datetime:
        return item.created_at

    def item_updateddate(self, item: Comment) -> datetime:
        return item.edited_at or item.created_at


class BlogCommentsAtomFeed(BlogCommentsRssFeed):
    feed_type = AtomFeed


class PostCommentsRssFeed(BlogCommentsRssFeed):
    def get_object(  # type: ignore[override]
        self, request: HttpRequest, slug: str, blog: str | None = None
    ) -> Post:
        the_blog = access_blog(None, blog_name(request, blog))[0]
        post = Post.objects.for_blog(the_blog).published().filter(slug=slug).first()
        if post is None:
            raise Http404(_("There is no post at this address."))
        post.blog = the_blog
        return post

    def title(self, obj: Post) -> str:  # type: ignore[override]
        return _("Comments on “%(title)s”") % {"title": obj.title}

    def link(self, obj: Post) -> str:  # type: ignore[override]
        return obj.get_absolute_url()

    def items(self, obj: Post) -> list[Comment]:  # type: ignore[override]
        return list(_published_comments([obj.pk])[:FEED_COMMENTS])


class PostCommentsAtomFeed(PostCommentsRssFeed):
    feed_type = AtomFeed


class BlogCommentsJsonFeed(BlogCommentsRssFeed):
    feed_type = JsonFeed


class PostCommentsJsonFeed(PostCommentsRssFeed):
    feed_type = JsonFeed
