"""The blog network's tables: blogs (the tenants), their members, posts and terms."""

from chaikhana.blogs.models.blog import Blog, BlogQuerySet, Membership
from chaikhana.blogs.models.post import Post, PostQuerySet, Revision, SlugRedirect
from chaikhana.blogs.models.terms import Category, Tag

__all__ = [
    "Blog",
    "BlogQuerySet",
    "Category",
    "Membership",
    "Post",
    "PostQuerySet",
    "Revision",
    "SlugRedirect",
    "Tag",
]
