"""The one write path for posts and pages: every other app creates and changes them here.

One action per use case (create, edit, publish, schedule, …); the portal's desk has its own
``*_editorial_post`` entry points for the portal blog, which members can never write.
"""

from chaikhana.blogs.actions.posts.content import RESERVED_SLUGS, PostContent
from chaikhana.blogs.actions.posts.deleting import delete_post
from chaikhana.blogs.actions.posts.imports import ImportedPost, import_posts, reimport_post
from chaikhana.blogs.actions.posts.rendering import Rerendered, rerender_posts
from chaikhana.blogs.actions.posts.requested import (
    PostRequest,
    apply_requested_status,
    save_requested_post,
)
from chaikhana.blogs.actions.posts.status import (
    date_draft,
    make_post_private,
    publish_due_posts,
    publish_editorial_post,
    publish_post,
    schedule_editorial_post,
    schedule_post,
    submit_post_for_review,
    unpublish_post,
    unschedule_editorial_post,
    unschedule_post,
    withdraw_editorial_post,
)
from chaikhana.blogs.actions.posts.writers import EditorialBlogRefused
from chaikhana.blogs.actions.posts.writing import (
    EditConflict,
    autosave_post,
    create_editorial_post,
    create_post,
    edit_editorial_post,
    edit_post,
    move_editorial_post,
    restore_revision,
    set_editorial_byline,
)

__all__ = [
    "RESERVED_SLUGS",
    "EditConflict",
    "EditorialBlogRefused",
    "ImportedPost",
    "PostContent",
    "PostRequest",
    "Rerendered",
    "apply_requested_status",
    "autosave_post",
    "create_editorial_post",
    "create_post",
    "date_draft",
    "delete_post",
    "edit_editorial_post",
    "edit_post",
    "import_posts",
    "make_post_private",
    "move_editorial_post",
    "publish_due_posts",
    "publish_editorial_post",
    "publish_post",
    "reimport_post",
    "rerender_posts",
    "restore_revision",
    "save_requested_post",
    "schedule_editorial_post",
    "schedule_post",
    "set_editorial_byline",
    "submit_post_for_review",
    "unpublish_post",
    "unschedule_editorial_post",
    "unschedule_post",
    "withdraw_editorial_post",
]
