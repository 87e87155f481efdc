"""What a writer types into a post, and how it lands on the row (title, slug, text, terms)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from chaikhana.blogs.actions.terms import tags_from_names
from chaikhana.blogs.models import Blog, Category, Post
from chaikhana.core.errors import ActionError
from chaikhana.core.slugs import unique_slug
from chaikhana.core.translit import slugify

# Slugs that would shadow the blog's own routes (chaikhana/urls_blog.py) at /@blog/<slug>/:
# its archives and feeds, search, the comments app's /@blog/comments/… and the linkback
# endpoints (/@blog/webmention; "xmlrpc.php" cannot be a slug: slugify drops the dot).
RESERVED_SLUGS = frozenset(
    {
        "feed",
        "category",
        "tag",
        "author",
        "page",
        "search",
        "sitemap",
        "comments",
        "webmention",
        "xmlrpc",
    }
)


@dataclass(kw_only=True)
class PostContent:
    """The text and terms of a post, as the editor, an API or the desk sends them.

    Status and publish time are not here: each change of those is its own action.
    An empty *slug* means "made from the title" (and kept once the post was public).
    """

    title: str
    body_source: str = ""
    body_format: str = Post.Format.MARKDOWN
    excerpt: str = ""
    slug: str = ""
    language: str = "ru"
    categories: list[Category] = field(default_factory=list)
    tag_names: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, post: Post) -> PostContent:
        """The post's current content, to change one part of it (APIs that patch)."""
        return cls(
            title=post.title,
            body_source=post.body_source,
            body_format=post.body_format,
            excerpt=post.excerpt,
            slug="" if post.slug_from_title and post.published_at is None else post.slug,
            language=post.language,
            categories=list(post.categories.all()),
            tag_names=list(post.tags.values_list("name", flat=True)),
        )


def post_slug(blog: Blog, post: Post, *, wanted: str, title: str) -> str:
    """An explicit slug must be free; a slug made from the title gets a number if taken."""
    others = Post.objects.for_blog(blog).exclude(pk=post.pk)
    if wanted:
        slug = slugify(wanted, max_length=100)
        if not slug:
            raise ActionError(_("Use latin letters, digits or hyphens in the slug."), field="slug")
        if slug in RESERVED_SLUGS or others.filter(slug=slug).exists():
            raise ActionError(
                _("Another post of this blog already has the address “%(slug)s”.") % {"slug": slug},
                field="slug",
            )
        return slug
    if post.slug and (not post.slug_from_title or post.published_at is not None):
        return post.slug
    base = slugify(title, max_length=90) or "post"
    return unique_slug(others, base, reserved=RESERVED_SLUGS)


def apply_content(post: Post, content: PostContent) -> None:
    """Set the row's own fields from *content* (the caller saves, then calls set_terms)."""
    post.title = content.title
    post.slug = post_slug(post.blog, post, wanted=content.slug, title=content.title)
    post.slug_from_title = post.slug_from_title and not content.slug
    post.body_source, post.body_format = content.body_source, content.body_format
    post.excerpt, post.language = content.excerpt, content.language


def set_terms(post: Post, content: PostContent) -> None:
    post.categories.set([c for c in content.categories if c.blog_id == post.blog_id])
    post.tags.set(tags_from_names(post.blog, content.tag_names))
