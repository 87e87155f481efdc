"""Public blog pages: what a reader sees. One module per kind of page."""

from chaikhana.blogs.views.archives import (
    author_archive,
    category_archive,
    month_archive,
    tag_archive,
)
from chaikhana.blogs.views.network import directory
from chaikhana.blogs.views.pages import blog_home, post_detail

__all__ = [
    "author_archive",
    "blog_home",
    "category_archive",
    "directory",
    "month_archive",
    "post_detail",
    "tag_archive",
]
