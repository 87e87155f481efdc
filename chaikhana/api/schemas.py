"""What the API sends and accepts. Inputs refuse unknown fields (``extra="forbid"``), so a
misspelt field is named in the problem document instead of being silently ignored.

No schema has a username, an email, an account or member id: an author is her pen name.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from ninja import Schema
from pydantic import ConfigDict, Field

Status = Literal["draft", "pending", "publish", "private"]
Kind = Literal["post", "page"]
Format = Literal["markdown", "html"]
Language = Literal["ru", "ky", "en"]


class Strict(Schema):
    model_config = ConfigDict(extra="forbid")


class BlogOut(Schema):
    name: str
    title: str
    tagline: str
    language: str
    url: str
    feeds: dict[str, str]


class MyBlogOut(BlogOut):
    role: str
    pen_name: str
    visibility: str


class TermOut(Schema):
    name: str
    slug: str
    url: str


class PostItemOut(Schema):
    """A post in a list: everything but the body (open the post for that)."""

    id: int
    blog: str
    kind: str
    title: str
    slug: str
    url: str
    author: str = Field(description="The pen name it is signed with; never an account.")
    status: str
    published_at: datetime | None
    updated_at: datetime
    language: str
    excerpt: str
    summary: str = Field(description="The opening words, as lists and feeds show them.")
    categories: list[str]
    tags: list[str]
    version: int


class PostOut(PostItemOut):
    body_html: str = Field(description="The whole post, sanitised HTML.")


class SourcePostOut(PostOut):
    body_source: str
    body_format: str


class PostIn(Strict):
    """A new post or page. status "publish" with a future published_at schedules it."""

    title: str = Field(max_length=200)
    body: str = Field("", max_length=300_000, description="Markdown (or HTML, see body_format).")
    body_format: Format = "markdown"
    excerpt: str = Field("", max_length=1000)
    slug: str = Field("", max_length=100)
    language: Language | None = None
    categories: list[str] = Field(default_factory=list, description="Category slugs.")
    tags: list[str] = Field(default_factory=list, description="Tag names (made if new).")
    status: Status = "draft"
    published_at: datetime | None = None
    kind: Kind = "post"


class PostPatch(Strict):
    """Change some fields; send the version you edited, as the dashboard's editor does."""

    version: int = Field(description="The post's version you started from (edit conflicts).")
    title: str | None = Field(None, max_length=200)
    body: str | None = Field(None, max_length=300_000)
    body_format: Format | None = None
    excerpt: str | None = Field(None, max_length=1000)
    slug: str | None = Field(None, max_length=100)
    language: Language | None = None
    categories: list[str] | None = None
    tags: list[str] | None = None
    status: Status | None = None
    published_at: datetime | None = None


class ScheduleIn(Strict):
    at: datetime


class RevisionOut(Schema):
    id: int
    kind: str
    title: str
    created_at: datetime
    post_version: int
    mine: bool


class CategoryIn(Strict):
    name: str = Field(max_length=100)
    parent: str | None = Field(None, description="The parent category's slug.")


class CommentOut(Schema):
    id: int
    post: str
    author: str = Field(description="The name shown under the comment.")
    created_at: datetime
    body_html: str
    parent: int | None
    status: str | None = None


class MediaOut(Schema):
    id: int
    kind: str
    content_type: str
    url: str
    width: int | None
    height: int | None
    size: int
    alt: str


class SectionOut(Schema):
    name: str
    slug: str
    description: str
    url: str


class StoryOut(Schema):
    id: int
    title: str
    url: str
    section: str
    author: str
    published_at: datetime | None
    summary: str
    language: str


class SourceIn(Strict):
    url: str = Field("", max_length=500)
    description: str = Field("", max_length=1000)
    private: bool = False


class SubmissionIn(Strict):
    section: str = Field(description="The section's slug.")
    note: str = Field("", max_length=2000)
    sources: list[SourceIn] = Field(default_factory=list, max_length=20)


class SubmissionOut(Schema):
    id: int
    state: str
    section: str


class CourseOut(Schema):
    slug: str
    title: str
    topic: str
    level: str
    language: str
    url: str
    description_html: str
    is_free: bool


class SessionOut(Schema):
    id: int
    course: str
    title: str
    starts_at: datetime
    ends_at: datetime
    place: str
    online: bool
    seats_left: int
    status: str


class RegistrationOut(Schema):
    id: int
    session: int
    status: str


class MeOut(Schema):
    scopes: list[str]
    blogs: list[MyBlogOut]
    token_expires_at: datetime | None


class ExportOut(Schema):
    state: str = Field(
        description="none, pending, running, done or failed (preparing: just started)"
    )
    download: str | None = Field(None, description="The zip's address, when it is ready.")


class Page(Schema):
    next: str | None = Field(description="The next page's address; null on the last page.")


class PostPage(Page):
    items: list[PostItemOut]


class BlogPage(Page):
    items: list[BlogOut]


class CommentPage(Page):
    items: list[CommentOut]


class StoryPage(Page):
    items: list[StoryOut]


class SessionPage(Page):
    items: list[SessionOut]


class CoursePage(Page):
    items: list[CourseOut]
