"""Our posts and terms as WordPress XML-RPC structs, and WordPress structs as PostRequest.

Dates: dateTime.iso8601 carries no zone; we send and read them as UTC (post_date and
post_date_gmt alike: a blog has no time zone of its own).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from xmlrpc.client import DateTime

from django.db.models import Count
from django.http import HttpRequest
from django.utils import timezone

from chaikhana.blogs.actions import PostRequest
from chaikhana.blogs.models import Blog, Category, Post, Tag
from chaikhana.porting.api.faults import wrong

# WordPress post_status ⇄ ours.
FROM_WP = {
    "publish": Post.Status.PUBLISHED,
    "draft": Post.Status.DRAFT,
    "pending": Post.Status.PENDING,
    "private": Post.Status.PRIVATE,
    "future": Post.Status.SCHEDULED,
}
TO_WP: dict[str, str] = {str(ours): theirs for theirs, ours in FROM_WP.items()}


def utc_naive(when: datetime) -> datetime:
    return when.astimezone(UTC).replace(tzinfo=None)


def read_date(value: Any, what: str) -> datetime | None:
    """An XML-RPC date (DateTime, or an ISO 8601 string some clients send) as aware UTC."""
    if value in (None, ""):
        return None
    text = value.value if isinstance(value, DateTime) else value
    if not isinstance(text, str):
        raise wrong(what)
    for pattern in ("%Y%m%dT%H:%M:%S", "%Y%m%dT%H%M%S", "%Y-%m-%dT%H:%M:%S"):
        try:
            return datetime.strptime(text.strip().removesuffix("Z")[:19], pattern).replace(
                tzinfo=UTC
            )
        except ValueError:
            continue
    raise wrong(what)


def content_of(post: Post) -> str:
    # Clients edit HTML: a Markdown post is offered as its rendered HTML (saving it back
    # from the client makes it an HTML post).
    return post.body_source if post.body_format == Post.Format.HTML else post.body_html


def term_struct(term: Category | Tag, taxonomy: str, count: int = 0) -> dict[str, Any]:
    parent = getattr(term, "parent_id", None) or 0
    return {
        "term_id": str(term.pk),
        "name": term.name,
        "slug": term.slug,
        "term_group": "0",
        "term_taxonomy_id": str(term.pk),
        "taxonomy": taxonomy,
        "description": "",
        "parent": str(parent),
        "count": count,
        "filter": "raw",
    }


def terms_with_counts(blog: Blog, taxonomy: str) -> list[dict[str, Any]]:
    model = Category if taxonomy == "category" else Tag
    terms = model.objects.for_blog(blog).annotate(n=Count("posts"))
    return [term_struct(term, taxonomy, term.n) for term in terms]


def author_id(post: Post) -> str:
    """The author as clients see her: her membership of this blog, never her account.

    Stable for (blog, member) and different on each of her blogs, so no two blogs' answers
    join up; "0" for a story or import with a byline and no member behind it.
    """
    return str(post.author_id or 0)


def pen_name(post: Post) -> str:
    """As the post page signs it: the stored byline, else the author's pen name."""
    return post.byline or (post.author.pen_name if post.author else "")


def post_struct(request: HttpRequest, post: Post) -> dict[str, Any]:
    """wp.getPost's struct (python-wordpress-xmlrpc's WordPressPost reads these keys)."""
    date = utc_naive(post.published_at or post.created_at)
    modified = utc_naive(post.updated_at)
    link = request.build_absolute_uri(post.get_absolute_url())
    terms = [term_struct(c, "category") for c in post.categories.all()]
    terms += [term_struct(t, "post_tag") for t in post.tags.all()]
    return {
        "post_id": str(post.pk),
        "post_title": post.title,
        "post_date": date,
        "post_date_gmt": date,
        "post_modified": modified,
        "post_modified_gmt": modified,
        "post_status": TO_WP.get(post.status, "draft"),
        "post_type": post.kind,
        "post_name": post.slug,
        "post_author": author_id(post),
        "post_password": "",
        "post_excerpt": post.excerpt,
        "post_content": content_of(post),
        "post_parent": "0",
        "post_mime_type": "",
        "link": link,
        "guid": link,
        "menu_order": 0,
        "comment_status": "open",
        "ping_status": "open",
        "sticky": False,
        "post_thumbnail": [],
        "post_format": "standard",
        "terms": terms,
        "custom_fields": [],
    }


def metaweblog_struct(request: HttpRequest, post: Post) -> dict[str, Any]:
    """metaWeblog.getPost's struct (with WordPress's wp_ and mt_ additions)."""
    date = utc_naive(post.published_at or post.created_at)
    link = request.build_absolute_uri(post.get_absolute_url())
    return {
        "postid": str(post.pk),
        "title": post.title,
        "description": content_of(post),
        "link": link,
        "permaLink": link,
        "dateCreated": date,
        "date_created_gmt": date,
        "date_modified": utc_naive(post.updated_at),
        "categories": [c.name for c in post.categories.all()],
        "mt_keywords": ", ".join(t.name for t in post.tags.all()),
        "mt_excerpt": post.excerpt,
        "mt_text_more": "",
        "wp_slug": post.slug,
        "post_status": TO_WP.get(post.status, "draft"),
        "userid": author_id(post),
        "wp_author_display_name": pen_name(post),
    }


def new_request(blog: Blog) -> PostRequest:
    return PostRequest(title="", body_format=Post.Format.HTML, language=blog.language)


def status_from_wp(value: Any, when: datetime | None) -> str:
    status = FROM_WP.get(value) if isinstance(value, str) else None
    if status is None:
        raise wrong("post_status")
    if status == Post.Status.SCHEDULED and (when is None or when <= timezone.now()):
        return Post.Status.PUBLISHED  # WordPress publishes a "future" post dated in the past
    return status
