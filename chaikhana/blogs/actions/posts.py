"""Writing, publishing, scheduling and deleting posts; revisions and edit conflicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs import permissions, signals
from chaikhana.blogs.access import membership_of
from chaikhana.blogs.actions.terms import tags_from_names
from chaikhana.blogs.models import Blog, Category, Membership, Post, Revision, SlugRedirect
from chaikhana.core.errors import ActionError
from chaikhana.core.tasks import enqueue_on_commit
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
PUBLISHING = {Post.Status.PUBLISHED, Post.Status.SCHEDULED, Post.Status.PRIVATE}


@dataclass(kw_only=True)
class PostInput:
    """What the editor (or an import, or an API) asks a post to become."""

    title: str
    body_source: str = ""
    body_format: str = Post.Format.MARKDOWN
    excerpt: str = ""
    slug: str = ""
    language: str = "ru"
    status: str = Post.Status.DRAFT
    published_at: datetime | None = None
    kind: str = Post.Kind.POST
    categories: list[Category] = field(default_factory=list)
    tag_names: list[str] = field(default_factory=list)


class EditConflict(ActionError):
    """Someone saved the post after this editor opened it; her text is kept as a revision."""

    def __init__(self, *, current: Post, kept: Revision) -> None:
        super().__init__(
            _(
                "Someone else saved this post while you were editing it. "
                "Your version is kept in the revisions; compare the two and save again."
            )
        )
        self.current = current
        self.kept = kept


def _require_member(blog: Blog, by: User) -> Membership:
    membership = membership_of(by, blog)
    if membership is None:
        raise PermissionDenied(_("You are not a member of this blog."))
    return membership


def _unique_slug(blog: Blog, wanted: str, title: str, post: Post) -> str:
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
    slug, n = base, 2
    while slug in RESERVED_SLUGS or others.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _resolve_status(
    membership: Membership, post: Post, status: str, when: datetime | None
) -> tuple[str, datetime | None]:
    """The status and publish time a request may have, per role and clock."""
    if status in PUBLISHING and not permissions.can_publish_post(membership, post):
        raise PermissionDenied(
            _("Contributors submit posts for review; an editor or the owner publishes them.")
        )
    now = timezone.now()
    if status == Post.Status.SCHEDULED:
        if when is None or when <= now:
            raise ActionError(_("Choose a publish time in the future."), field="published_at")
        return status, when
    if status == Post.Status.PUBLISHED:
        if when is not None and when > now:
            return Post.Status.SCHEDULED, when
        # "Publish" without a date on a scheduled post means now, not its future time:
        # a published post dated ahead would be hidden and never announced.
        earlier = post.published_at if post.published_at and post.published_at <= now else None
        return status, when or earlier or now
    if status == Post.Status.PRIVATE:
        return status, when or post.published_at or now
    return status, when


def _snapshot(post: Post, by: User, kind: str) -> Revision:
    return Revision.objects.create(
        post=post,
        user=by,
        kind=kind,
        title=post.title,
        body_source=post.body_source,
        body_format=post.body_format,
        excerpt=post.excerpt,
        post_version=post.version,
    )


def _keep_conflicting_text(post: Post, by: User, data: PostInput) -> Revision:
    """Store the losing side of an edit conflict so that nothing typed is lost."""
    with transaction.atomic():
        return Revision.objects.create(
            post=post,
            user=by,
            kind=Revision.Kind.CONFLICT,
            title=data.title,
            body_source=data.body_source,
            body_format=data.body_format,
            excerpt=data.excerpt,
            post_version=post.version,
        )


def save_post(
    *,
    blog: Blog,
    by: User,
    data: PostInput,
    post: Post | None = None,
    base_version: int | None = None,
    revision_kind: str = Revision.Kind.SAVE,
) -> Post:
    """Create or update a post, keep a revision, and announce it after commit.

    *base_version* is the version the editor started from; if someone saved since,
    raises :class:`EditConflict` with both versions kept.
    """
    try:
        with transaction.atomic():
            return _save_post(blog, by, data, post, base_version, revision_kind)
    except EditConflict as conflict:
        conflict.kept = _keep_conflicting_text(conflict.current, by, data)
        raise


def _save_post(
    blog: Blog,
    by: User,
    data: PostInput,
    post: Post | None,
    base_version: int | None,
    revision_kind: str,
) -> Post:
    membership = _require_member(blog, by)
    if post is None:
        if not permissions.can_write(membership, data.kind):
            raise PermissionDenied(_("Only the blog's owners and editors may add pages."))
        post = Post(blog=blog, author=membership, byline=membership.pen_name, kind=data.kind)
        was_public = False
    else:
        post = Post.objects.select_for_update().get(pk=post.pk, blog=blog)
        if not permissions.can_edit_post(membership, post):
            raise PermissionDenied(_("You may not edit this post."))
        if base_version is not None and post.version != base_version:
            raise EditConflict(current=post, kept=Revision())
        was_public = post.is_public
        post.version += 1

    old_slug = post.slug
    status, published_at = _resolve_status(membership, post, data.status, data.published_at)
    post.title = data.title
    post.slug = _unique_slug(blog, data.slug, data.title, post)
    post.slug_from_title = post.slug_from_title and not data.slug
    post.body_source, post.body_format = data.body_source, data.body_format
    post.excerpt, post.language = data.excerpt, data.language
    post.status, post.published_at = status, published_at
    post.save()
    post.categories.set(data.categories)
    post.tags.set(tags_from_names(blog, data.tag_names))
    _snapshot(post, by, revision_kind)
    _remember_old_slug(post, old_slug, was_public)
    _announce(post, was_public)
    return post


def _remember_old_slug(post: Post, old_slug: str, was_public: bool) -> None:
    # The post's current address always wins over an old one pointing elsewhere.
    SlugRedirect.objects.filter(blog=post.blog, old_slug=post.slug).delete()
    if was_public and old_slug and old_slug != post.slug:
        SlugRedirect.objects.update_or_create(
            blog=post.blog, old_slug=old_slug, defaults={"post": post}
        )


def _announce(post: Post, was_public: bool) -> None:
    post_id = post.pk
    transaction.on_commit(lambda: signals.post_changed.send(Post, post_id=post_id))
    if post.is_public and not was_public:
        transaction.on_commit(lambda: signals.post_published.send(Post, post_id=post_id))
    if post.status == Post.Status.SCHEDULED and post.published_at:
        from chaikhana.blogs.tasks import publish_due_posts_task

        enqueue_on_commit(publish_due_posts_task, run_after=post.published_at)


@transaction.atomic
def autosave_post(*, post: Post, by: User, data: PostInput) -> Revision:
    """Keep what is in the editor as this person's autosave; the post itself is unchanged."""
    if not permissions.can_edit_post(membership_of(by, post.blog), post):
        raise PermissionDenied(_("You may not edit this post."))
    fields = {
        "title": data.title,
        "body_source": data.body_source,
        "body_format": data.body_format,
        "excerpt": data.excerpt,
        "post_version": post.version,
        "created_at": timezone.now(),
    }
    latest = post.revisions.filter(user=by).first()
    if latest is not None and latest.kind == Revision.Kind.AUTOSAVE:
        for name, value in fields.items():
            setattr(latest, name, value)
        latest.save()
        return latest
    return Revision.objects.create(post=post, user=by, kind=Revision.Kind.AUTOSAVE, **fields)


def restore_revision(*, revision: Revision, by: User) -> Post:
    """Make an earlier revision the post's current text (itself kept as a new revision)."""
    post = revision.post
    data = PostInput(
        title=revision.title,
        body_source=revision.body_source,
        body_format=revision.body_format,
        excerpt=revision.excerpt,
        slug=post.slug,
        language=post.language,
        status=post.status,
        published_at=post.published_at,
        kind=post.kind,
        categories=list(post.categories.all()),
        tag_names=list(post.tags.values_list("name", flat=True)),
    )
    return save_post(
        blog=post.blog, by=by, data=data, post=post, revision_kind=Revision.Kind.RESTORE
    )


@transaction.atomic
def delete_post(*, post: Post, by: User) -> None:
    if not permissions.can_delete_post(membership_of(by, post.blog), post):
        raise PermissionDenied(_("You may not delete this post."))
    post_id, blog_id = post.pk, post.blog_id
    post.delete()
    transaction.on_commit(lambda: signals.post_deleted.send(Post, post_id=post_id, blog_id=blog_id))


def publish_due_posts() -> int:
    """Publish every scheduled post whose time has come; safe to run at any time, twice."""
    published = 0
    for post_id in Post.objects.due().values_list("pk", flat=True):
        with transaction.atomic():
            post = Post.objects.select_for_update().filter(pk=post_id).first()
            if post is None or post.status != Post.Status.SCHEDULED:
                continue
            post.status = Post.Status.PUBLISHED
            post.save(update_fields=["status", "updated_at"])
            _announce(post, was_public=False)
            published += 1
    return published
