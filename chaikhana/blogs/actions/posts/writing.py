"""Starting, editing, autosaving and restoring a post's text: revisions and edit conflicts."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs import permissions
from chaikhana.blogs.actions.posts.announce import announce, keep_revision, lock, remember_old_slug
from chaikhana.blogs.actions.posts.content import PostContent, apply_content, post_slug, set_terms
from chaikhana.blogs.actions.posts.writers import Writer, desk, member
from chaikhana.blogs.models import Blog, Post, Revision, SlugRedirect
from chaikhana.core.errors import ActionError


class EditConflict(ActionError):
    """Someone saved the post after this editor opened it; her text is kept as a revision."""

    def __init__(self, *, current: Post, kept: Revision | None = None) -> None:
        super().__init__(
            _(
                "Someone else saved this post while you were editing it. "
                "Your version is kept in the revisions; compare the two and save again."
            )
        )
        self.current = current
        self.kept = kept


@transaction.atomic
def create_post(*, blog: Blog, by: User, content: PostContent, kind: str = Post.Kind.POST) -> Post:
    """Start a post (or a page) as a draft by *by*, under her pen name on *blog*."""
    writer = member(blog, by)
    if not permissions.can_write(writer.membership, kind):
        raise PermissionDenied(_("Only the blog's owners and editors may add pages."))
    assert writer.membership is not None  # member() never names the desk
    post = Post(blog=blog, kind=kind, author=writer.membership, byline=writer.membership.pen_name)
    return _first_save(post, by, content)


@transaction.atomic
def create_editorial_post(*, blog: Blog, by: User, content: PostContent, byline: str) -> Post:
    """The desk's draft of a story under *byline* (the blogger's name or a pseudonym)."""
    desk(blog, by)
    post = Post(blog=blog, kind=Post.Kind.POST, author=None, byline=byline)
    return _first_save(post, by, content)


def _first_save(post: Post, by: User, content: PostContent) -> Post:
    apply_content(post, content)
    post.save()
    set_terms(post, content)
    keep_revision(post, by)
    announce(post, was_public=False)
    return post


@transaction.atomic
def set_editorial_byline(*, post: Post, by: User, byline: str) -> Post:
    """The name a story is signed with (the blogger's pen name or a pseudonym)."""
    post = lock(post)
    desk(post.blog, by)
    if post.byline == byline:
        return post
    post.byline = byline
    post.save(update_fields=["byline", "updated_at"])
    announce(post, was_public=post.is_public)
    return post


@transaction.atomic
def move_editorial_post(*, post: Post, by: User, slug: str) -> Post:
    """Give a story a new address and forget its old ones: no redirect leads from them.

    For a story whose byline must not lead back to its source (a pseudonym): a redirect
    from the old slug, which was the original post's, would be that link; the old address
    answers 404 instead.
    """
    post = lock(post)
    desk(post.blog, by)
    post.slug = post_slug(post.blog, post, wanted=slug, title=post.title)
    post.slug_from_title = False
    post.save(update_fields=["slug", "slug_from_title", "updated_at"])
    SlugRedirect.objects.filter(post=post).delete()
    announce(post, was_public=post.is_public)
    return post


def edit_post(
    *, post: Post, by: User, content: PostContent, base_version: int | None = None
) -> Post:
    """Save new text for *post*; its status and publish time stay as they are.

    *base_version* is the version the editor started from; if someone saved since, raises
    :class:`EditConflict` with her text kept as a revision. Call it outside any transaction
    of yours, or the kept text rolls back with it.
    """
    return _edit(member(post.blog, by), post, content, base_version)


def edit_editorial_post(
    *, post: Post, by: User, content: PostContent, base_version: int | None = None
) -> Post:
    """The desk's edit of a story's text (the portal decides who may and when)."""
    return _edit(desk(post.blog, by), post, content, base_version)


def _edit(writer: Writer, post: Post, content: PostContent, base_version: int | None) -> Post:
    try:
        with transaction.atomic():
            return _save_edit(writer, post, content, base_version, Revision.Kind.SAVE)
    except EditConflict as conflict:
        conflict.kept = keep_conflicting_text(conflict.current, writer.user, content)
        raise


def _save_edit(
    writer: Writer, post: Post, content: PostContent, base_version: int | None, kind: str
) -> Post:
    post = lock(post)
    writer.require_edit(post)
    if base_version is not None and post.version != base_version:
        raise EditConflict(current=post)
    was_public, old_slug = post.is_public, post.slug
    apply_content(post, content)
    post.version += 1
    post.save()
    set_terms(post, content)
    keep_revision(post, writer.user, kind)
    remember_old_slug(post, old_slug, was_public)
    announce(post, was_public=was_public)
    return post


def keep_conflicting_text(post: Post, by: User, content: PostContent) -> Revision:
    """Store the losing side of an edit conflict so that nothing typed is lost."""
    with transaction.atomic():
        return Revision.objects.create(
            post=post,
            user=by,
            kind=Revision.Kind.CONFLICT,
            title=content.title,
            body_source=content.body_source,
            body_format=content.body_format,
            excerpt=content.excerpt,
            post_version=post.version,
        )


@transaction.atomic
def restore_revision(*, revision: Revision, by: User) -> Post:
    """Make an earlier revision the post's current text (itself kept as a new revision)."""
    post = revision.post
    content = PostContent.of(post)
    content.title, content.body_source = revision.title, revision.body_source
    content.body_format, content.excerpt = revision.body_format, revision.excerpt
    return _save_edit(member(post.blog, by), post, content, None, Revision.Kind.RESTORE)


@transaction.atomic
def autosave_post(*, post: Post, by: User, content: PostContent) -> Revision:
    """Keep what is in the editor as this person's autosave; the post itself is unchanged."""
    member(post.blog, by).require_edit(post)
    fields = {
        "title": content.title,
        "body_source": content.body_source,
        "body_format": content.body_format,
        "excerpt": content.excerpt,
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
