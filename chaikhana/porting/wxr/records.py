"""The WXR vocabulary as plain dataclasses: what the parser yields and the importer reads."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(kw_only=True)
class Site:
    title: str = ""
    link: str = ""
    description: str = ""
    language: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""


@dataclass(kw_only=True)
class Author:
    author_id: int | None
    login: str
    email: str = ""
    display_name: str = ""


@dataclass(kw_only=True)
class Term:
    """A category, tag or other taxonomy's term (wp:category, wp:tag, wp:term)."""

    taxonomy: str  # "category", "post_tag", "nav_menu", …
    slug: str
    name: str
    term_id: int | None = None
    parent_slug: str = ""
    description: str = ""


@dataclass(kw_only=True)
class Comment:
    wp_id: int
    author: str = ""
    email: str = ""
    url: str = ""
    date: str = ""
    date_gmt: str = ""
    content: str = ""
    approved: str = "1"  # "1", "0", "spam", "trash", "post-trashed"
    type: str = ""  # "", "comment", "pingback", "trackback"
    parent: int = 0
    user_id: int = 0


@dataclass(kw_only=True)
class ItemTerm:
    domain: str  # "category", "post_tag", "post_format", …
    nicename: str
    name: str


@dataclass(kw_only=True)
class Item:
    """One <item>: a post, page, attachment, menu item or any other post type."""

    wp_id: int | None
    title: str = ""
    link: str = ""
    guid: str = ""
    pub_date: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    post_name: str = ""
    status: str = ""
    post_type: str = "post"
    post_parent: int = 0
    password: str = ""
    is_sticky: bool = False
    attachment_url: str = ""
    terms: list[ItemTerm] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)
