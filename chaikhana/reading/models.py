"""Reading's tables, each defined in its capability's package."""

from chaikhana.reading.following.models import BlogFollow, TagFollow  # noqa: F401
from chaikhana.reading.search.models import SearchDocument  # noqa: F401
