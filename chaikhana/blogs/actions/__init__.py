"""Every write to blogs and posts that has consequences goes through these functions."""

from chaikhana.blogs.actions.blogs import (
    add_member,
    change_member,
    create_blog,
    delete_blog,
    remove_member,
    update_blog,
)
from chaikhana.blogs.actions.posts import (
    PostInput,
    autosave_post,
    delete_post,
    publish_due_posts,
    restore_revision,
    save_post,
)
from chaikhana.blogs.actions.terms import create_category, delete_category, update_category

__all__ = [
    "PostInput",
    "add_member",
    "autosave_post",
    "change_member",
    "create_blog",
    "create_category",
    "delete_blog",
    "delete_category",
    "delete_post",
    "publish_due_posts",
    "remove_member",
    "restore_revision",
    "save_post",
    "update_blog",
    "update_category",
]
