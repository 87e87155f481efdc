"""A blog as a WordPress eXtended RSS (WXR 1.2) file that WordPress's importer accepts.

Written by hand, streaming, in the order export_wp() (wp-admin/includes/export.php) writes:
channel, authors, categories (parents first), tags, then one <item> per attachment, post and
page, each with its comments. ``content:encoded`` is our stored, sanitised HTML.

Privacy: authors appear under their pen name and their author slug on this blog as the
login; no account username and no email of any member is written, and commenters' emails
are left out too (they gave them to receive replies, not to whoever holds the file).
Only approved comments are exported; a reply to one that is not is kept at the top level.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable
from datetime import UTC, datetime
from typing import TextIO

from django.utils import timezone
from django.utils.http import http_date

from chaikhana.blogs.models import Blog, Category, Membership, Post, Tag
from chaikhana.comments.models import Comment
from chaikhana.core.urls import absolute_url, site_url
from chaikhana.media.models import MediaFile
from chaikhana.porting.export.xmltext import cdata, element

NAMESPACES = {
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "wfw": "http://wellformedweb.org/CommentAPI/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "wp": "http://wordpress.org/export/1.2/",
}
STATUSES: dict[str, str] = {
    Post.Status.PUBLISHED: "publish",
    Post.Status.DRAFT: "draft",
    Post.Status.PENDING: "pending",
    Post.Status.PRIVATE: "private",
    Post.Status.SCHEDULED: "future",
}
ZERO_DATE = "0000-00-00 00:00:00"


def wp_date(moment: datetime | None, *, gmt: bool) -> str:
    if moment is None:
        return ZERO_DATE
    moment = moment.astimezone(UTC) if gmt else timezone.localtime(moment)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def write_wxr(*, blog: Blog, out: TextIO) -> int:
    """Write *blog* as WXR to *out*; returns how many posts and pages were written."""
    chunks = wxr_chunks(blog=blog)
    while True:
        try:
            out.write(next(chunks))
        except StopIteration as finished:
            return int(finished.value)


def wxr_chunks(*, blog: Blog) -> Generator[str, None, int]:
    """*blog* as WXR, piece by piece (for a streamed download); returns the post count."""
    home = absolute_url(blog.get_absolute_url())
    attrs = " ".join(f'xmlns:{k}="{v}"' for k, v in NAMESPACES.items())
    yield f'<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" {attrs}>\n<channel>\n'
    for line in (
        element("title", blog.title),
        element("link", home),
        element("description", blog.tagline),
        element("pubDate", http_date(timezone.now().timestamp())),
        element("language", blog.language),
        element("wp:wxr_version", "1.2"),
        element("wp:base_site_url", site_url() + "/"),
        element("wp:base_blog_url", home),
    ):
        yield line + "\n"
    members = list(Membership.objects.filter(blog=blog).order_by("pk"))
    yield "".join(_author(m) + "\n" for m in members)
    yield "".join(_category(c) + "\n" for c in _parents_first(blog))
    yield "".join(_tag(t) + "\n" for t in Tag.objects.for_blog(blog).order_by("pk"))
    for media in MediaFile.objects.for_blog(blog).order_by("pk").iterator(chunk_size=200):
        yield _attachment(media) + "\n"
    count = 0
    posts = Post.objects.for_blog(blog).select_related("author").order_by("pk")
    for post in posts.prefetch_related("categories", "tags").iterator(chunk_size=200):
        yield _item(post) + "\n"
        count += 1
    yield "</channel>\n</rss>\n"
    return count


def _author(m: Membership) -> str:
    return element("wp:author", "".join([
        element("wp:author_id", m.pk),
        element("wp:author_login", cdata(m.slug), raw=True),
        element("wp:author_email", ""),
        element("wp:author_display_name", cdata(m.pen_name), raw=True),
        element("wp:author_first_name", cdata(""), raw=True),
        element("wp:author_last_name", cdata(""), raw=True),
    ]), raw=True)  # fmt: skip


def _parents_first(blog: Blog) -> list[Category]:
    """WordPress creates categories in file order: a parent must come before its children."""
    pending = list(Category.objects.for_blog(blog).select_related("parent").order_by("pk"))
    ordered: list[Category] = []
    placed: set[int] = set()
    while pending:
        ready = [c for c in pending if c.parent_id is None or c.parent_id in placed]
        ready = ready or pending  # a cycle in bad data: write the rest as they are
        for c in ready:
            ordered.append(c)
            placed.add(c.pk)
        pending = [c for c in pending if c.pk not in placed]
    return ordered


def _category(c: Category) -> str:
    parent = c.parent.slug if c.parent is not None else ""
    return element("wp:category", "".join([
        element("wp:term_id", c.pk),
        element("wp:category_nicename", cdata(c.slug), raw=True),
        element("wp:category_parent", cdata(parent), raw=True),
        element("wp:cat_name", cdata(c.name), raw=True),
    ]), raw=True)  # fmt: skip


def _tag(t: Tag) -> str:
    return element("wp:tag", "".join([
        element("wp:term_id", t.pk),
        element("wp:tag_slug", cdata(t.slug), raw=True),
        element("wp:tag_name", cdata(t.name), raw=True),
    ]), raw=True)  # fmt: skip


def _attachment(media: MediaFile) -> str:
    url = absolute_url(media.url)
    # Media ids are offset so they never collide with post ids in WordPress's one table.
    return element("item", "".join([
        element("title", media.original_name),
        element("link", url),
        element("guid", url, isPermaLink="false"),
        element("content:encoded", cdata(""), raw=True),
        element("excerpt:encoded", cdata(media.caption), raw=True),
        element("wp:post_id", attachment_id(media)),
        element("wp:post_date", wp_date(media.created_at, gmt=False)),
        element("wp:post_date_gmt", wp_date(media.created_at, gmt=True)),
        element("wp:post_name", cdata(media.token), raw=True),
        element("wp:status", "inherit"),
        element("wp:post_parent", 0),
        element("wp:post_type", "attachment"),
        element("wp:attachment_url", cdata(url), raw=True),
        _meta("_wp_attachment_image_alt", media.alt) if media.alt else "",
    ]), raw=True)  # fmt: skip


def attachment_id(media: MediaFile) -> int:
    return 1_000_000_000 + media.pk


def _meta(key: str, value: str) -> str:
    return element("wp:postmeta", element("wp:meta_key", cdata(key), raw=True)
                   + element("wp:meta_value", cdata(value), raw=True), raw=True)  # fmt: skip


def _item(post: Post) -> str:
    published = post.published_at if post.status != Post.Status.DRAFT else None
    local = post.published_at or post.created_at
    creator = post.author.slug if post.author is not None else ""
    terms = [element("category", cdata(c.name), raw=True, domain="category", nicename=c.slug)
             for c in post.categories.all()]  # fmt: skip
    terms += [element("category", cdata(t.name), raw=True, domain="post_tag", nicename=t.slug)
              for t in post.tags.all()]  # fmt: skip
    return element("item", "".join([
        element("title", post.title),
        element("link", absolute_url(post.get_absolute_url())),
        element("pubDate", http_date(local.timestamp())),
        element("dc:creator", cdata(creator), raw=True),
        element("guid", absolute_url(post.get_absolute_url()), isPermaLink="false"),
        element("description", ""),
        element("content:encoded", cdata(post.body_html), raw=True),
        element("excerpt:encoded", cdata(post.excerpt), raw=True),
        element("wp:post_id", post.pk),
        element("wp:post_date", cdata(wp_date(local, gmt=False)), raw=True),
        element("wp:post_date_gmt", cdata(wp_date(published, gmt=True)), raw=True),
        element("wp:comment_status", "open"),
        element("wp:ping_status", "open"),
        element("wp:post_name", cdata(post.slug), raw=True),
        element("wp:status", STATUSES.get(post.status, "draft")),
        element("wp:post_parent", 0),
        element("wp:menu_order", 0),
        element("wp:post_type", "page" if post.kind == Post.Kind.PAGE else "post"),
        element("wp:post_password", ""),
        element("wp:is_sticky", 0),
        *terms,
        *_comments(post),
    ]), raw=True)  # fmt: skip


def _comments(post: Post) -> Iterable[str]:
    approved = list(Comment.objects.filter(post=post).approved().order_by("created_at", "pk"))
    ids = {c.pk for c in approved}
    for c in approved:
        parent = c.parent_id if c.parent_id in ids else 0
        yield element("wp:comment", "".join([
            element("wp:comment_id", c.pk),
            element("wp:comment_author", cdata(c.name), raw=True),
            element("wp:comment_author_email", ""),
            element("wp:comment_author_url", c.website),
            element("wp:comment_author_IP", ""),
            element("wp:comment_date", wp_date(c.created_at, gmt=False)),
            element("wp:comment_date_gmt", wp_date(c.created_at, gmt=True)),
            element("wp:comment_content", cdata(c.body_html), raw=True),
            element("wp:comment_approved", 1),
            element("wp:comment_type", "comment"),
            element("wp:comment_parent", parent),
            element("wp:comment_user_id", 0),
        ]), raw=True)  # fmt: skip
