"""The anonymous page cache: keys, exact invalidation by dependency generations, middleware.

Other apps reach it through signals (receivers.py) or, for apps to its right that cannot send
blogs' signals (comments), through :func:`invalidate_post`.
"""

from chaikhana.reading.cache.invalidation import (
    invalidate_blog_lists,
    invalidate_blog_settings,
    invalidate_network,
    invalidate_post,
)

__all__ = [
    "invalidate_blog_lists",
    "invalidate_blog_settings",
    "invalidate_network",
    "invalidate_post",
]
