"""Reads for the reader: her river of posts and what she follows, in fixed query counts."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog, Membership, Post, PostQuerySet
from chaikhana.reading.following.models import BlogFollow, TagFollow

OPEN = [Blog.Visibility.PUBLIC, Blog.Visibility.UNLISTED]


def _readable_blog(user: User, prefix: str = "") -> Q:
    """Blogs *user* may read now: open ones, and private ones only while she is a member.

    Checked at read time, not at follow time: a member who leaves a private blog stops
    seeing it, although her follow row stays (and comes back to life if she rejoins).
    """
    member_of = Membership.objects.filter(user=user).values("blog_id")
    return Q(**{f"{prefix}is_active": True}) & (
        Q(**{f"{prefix}visibility__in": OPEN}) | Q(**{f"{prefix}pk__in": member_of})
    )


def river(user: User) -> PostQuerySet:
    """Published posts of the blogs she follows and of her tags in listed blogs, newest first.

    Sub-selects, not joins: a post from a followed blog that also carries a followed tag
    (or two) appears once without DISTINCT. Private posts never show here, even to members:
    the river is a reading list, the blog itself is where members see their private posts.
    """
    followed_blogs = BlogFollow.objects.filter(user=user).values("blog_id")
    followed_slugs = TagFollow.objects.filter(user=user).values("slug")
    tagged = Post.tags.through.objects.filter(tag__slug__in=followed_slugs).values("post_id")
    from_blogs = Q(blog_id__in=followed_blogs) & _readable_blog(user, "blog__")
    # Tags reach across the network, so only as far as the network's listings do.
    from_tags = Q(pk__in=tagged, blog__visibility=Blog.Visibility.PUBLIC, blog__is_active=True)
    return Post.objects.posts().published().filter(from_blogs | from_tags).for_listing()


def followed_blogs(user: User) -> QuerySet[BlogFollow]:
    """Her blog follows that she may still read, with their blogs."""
    readable = Blog.objects.filter(_readable_blog(user))
    return BlogFollow.objects.filter(user=user, blog__in=readable).select_related("blog")


def followed_tags(user: User) -> QuerySet[TagFollow]:
    return TagFollow.objects.filter(user=user)


def follows_blog(user: User, blog: Blog) -> bool:
    return BlogFollow.objects.filter(user=user, blog=blog).exists()


def follows_tag(user: User, slug: str) -> bool:
    return TagFollow.objects.filter(user=user, slug=slug).exists()
