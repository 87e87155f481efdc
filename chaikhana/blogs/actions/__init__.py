"""Every write to blogs and posts that has consequences goes through these functions."""

from chaikhana.blogs.actions.blogs import (
    add_member,
    change_member,
    create_blog,
    delete_blog,
    remove_member,
    update_blog,
)
from chaikhana.blogs.actions.looks import set_blog_look
from chaikhana.blogs.actions.posts import *  # noqa: F403 (the post write API)
from chaikhana.blogs.actions.posts import __all__ as _post_actions
from chaikhana.blogs.actions.terms import create_category, delete_category, update_category

__all__ = [
    *_post_actions,
    "add_member",
    "change_member",
    "create_blog",
    "create_category",
    "delete_blog",
    "delete_category",
    "remove_member",
    "set_blog_look",
    "update_blog",
    "update_category",
]
