"""What the page cache does when something it may hold changes.

Two kinds of listener, bumping the same generations:

* blogs' signals (sent by actions after commit): the contract, and race-free because the
  change is committed before the bump;
* model signals (``post_save``, ``post_delete``, ``m2m_changed``; DESIGN.md allows them for
  cache invalidation only) as a net for writes that send no signal: term and member changes,
  the admin, the shell, data migrations, test factories. They bump at once and again after
  commit, so a page rendered from the old rows in between is not kept either.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from chaikhana.blogs import signals
from chaikhana.blogs.models import Blog, Category, Membership, Post, Tag
from chaikhana.core.models import NetworkSettings
from chaikhana.media import signals as media_signals
from chaikhana.reading.cache import files, invalidation
from chaikhana.reading.cache.keys import NETWORK, blog_lists_dep, blog_settings_dep, post_dep
from chaikhana.reading.cache.network import network_face, network_fields_changed


def _is_listed(blog_id: int) -> bool:
    return Blog.objects.listed().filter(pk=blog_id).exists()


def _post_deps(post_id: int, blog_id: int, listed: bool) -> list[str]:
    deps = [post_dep(post_id), blog_lists_dep(blog_id)]
    return [*deps, NETWORK] if listed else deps


# --- blogs' signals ---------------------------------------------------------------------


def on_post_changed(sender: Any, *, post_id: int, **kwargs: Any) -> None:
    """post_published and post_changed: the post, its blog's lists, the network's."""
    blog_id = Post.objects.filter(pk=post_id).values_list("blog_id", flat=True).first()
    if blog_id is None:
        invalidation.bump(post_dep(post_id))
        return
    invalidation.bump(*_post_deps(post_id, blog_id, _is_listed(blog_id)))


def on_post_deleted(sender: Any, *, post_id: int, blog_id: int, **kwargs: Any) -> None:
    gone = not Blog.objects.filter(pk=blog_id).exists()
    invalidation.bump(*_post_deps(post_id, blog_id, gone or _is_listed(blog_id)))


def on_blog_changed(sender: Any, *, blog_id: int, **kwargs: Any) -> None:
    """Settings, theme, visibility: every page of the blog; the network's if it shows there."""
    blog = Blog.objects.filter(pk=blog_id).first()
    deps = [blog_settings_dep(blog_id)]
    if blog is None:
        deps += [blog_lists_dep(blog_id), NETWORK]
    elif network_fields_changed(blog):
        deps.append(NETWORK)
    invalidation.bump(*deps)


# --- model signals: the net -------------------------------------------------------------


def _now_and_on_commit(*deps: str) -> None:
    invalidation.bump(*deps)
    transaction.on_commit(lambda: invalidation.bump(*deps))


def on_post_saved(sender: Any, instance: Post, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    blog_id = instance.blog_id
    _now_and_on_commit(*_post_deps(instance.pk, blog_id, _is_listed(blog_id)))


def on_post_terms_changed(sender: Any, instance: Any, action: str, **kwargs: Any) -> None:
    if action.startswith("post_") and isinstance(instance, Post):
        blog_id = instance.blog_id
        # The network's tag feed lists listed blogs' posts by tag.
        _now_and_on_commit(*_post_deps(instance.pk, blog_id, _is_listed(blog_id)))


def remember_blog_face(sender: Any, instance: Blog, **kwargs: Any) -> None:
    """Before a blog is saved: what the network's pages showed of it (one query)."""
    old = Blog.objects.filter(pk=instance.pk).first() if instance.pk else None
    instance._network_face_before = network_face(old) if old else None  # type: ignore[attr-defined]


def on_blog_saved(sender: Any, instance: Blog, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    deps = [blog_settings_dep(instance.pk)]
    if getattr(instance, "_network_face_before", None) != network_face(instance):
        deps.append(NETWORK)
    _now_and_on_commit(*deps)
    # Once committed, blog_changed (sent after this) knows this state and bumps the network
    # only if it differs: a theme change leaves the directory stored.
    transaction.on_commit(lambda: network_fields_changed(instance))


def on_blog_deleted(sender: Any, instance: Blog, **kwargs: Any) -> None:
    _now_and_on_commit(blog_settings_dep(instance.pk), blog_lists_dep(instance.pk), NETWORK)


def on_blog_part_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A renamed or removed term or member shows on many of the blog's pages.

    A new one shows nowhere until a post uses it, and that bumps the post.
    """
    if kwargs.get("created") or kwargs.get("raw"):
        return
    _now_and_on_commit(blog_settings_dep(instance.blog_id))


def on_post_reactions_changed(sender: Any, *, post_ids: list[int], **kwargs: Any) -> None:
    """post_reactions_changed (after commit): the post pages show like and boost counts."""
    invalidation.bump(*(post_dep(post_id) for post_id in post_ids))


def on_media_changed(sender: Any, *, blog_id: int, post_ids: list[int], **kwargs: Any) -> None:
    """media_changed (after commit): renditions made or a file deleted; its posts' pages and
    the blog's lists (photo cards show covers) now show something else."""
    for post_id in post_ids:
        invalidation.invalidate_post(post_id)
    invalidation.invalidate_blog_lists(blog_id)


def on_network_settings_saved(sender: Any, **kwargs: Any) -> None:
    """Every page shows the network's settings; the stored pages' keys carry their date
    (keys.variant_key), and the page files all go at once once the change is committed."""
    if not kwargs.get("raw"):
        transaction.on_commit(files.clear)


def connect() -> None:
    """Called once from ReadingConfig.ready()."""
    uid = "reading.cache"
    signals.post_published.connect(on_post_changed, dispatch_uid=f"{uid}.published")
    signals.post_changed.connect(on_post_changed, dispatch_uid=f"{uid}.changed")
    signals.post_deleted.connect(on_post_deleted, dispatch_uid=f"{uid}.deleted")
    signals.blog_changed.connect(on_blog_changed, dispatch_uid=f"{uid}.blog")
    signals.post_reactions_changed.connect(
        on_post_reactions_changed, dispatch_uid=f"{uid}.reactions"
    )
    media_signals.media_changed.connect(on_media_changed, dispatch_uid=f"{uid}.media")
    post_save.connect(on_post_saved, sender=Post, dispatch_uid=f"{uid}.post_save")
    post_delete.connect(on_post_saved, sender=Post, dispatch_uid=f"{uid}.post_delete")
    pre_save.connect(remember_blog_face, sender=Blog, dispatch_uid=f"{uid}.blog_pre_save")
    post_save.connect(on_blog_saved, sender=Blog, dispatch_uid=f"{uid}.blog_save")
    post_delete.connect(on_blog_deleted, sender=Blog, dispatch_uid=f"{uid}.blog_delete")
    post_save.connect(
        on_network_settings_saved, sender=NetworkSettings, dispatch_uid=f"{uid}.network"
    )
    for through in (Post.categories.through, Post.tags.through):
        m2m_changed.connect(on_post_terms_changed, sender=through, dispatch_uid=f"{uid}.{through}")
    for model in (Category, Tag, Membership):
        post_save.connect(on_blog_part_changed, sender=model, dispatch_uid=f"{uid}.save.{model}")
        post_delete.connect(on_blog_part_changed, sender=model, dispatch_uid=f"{uid}.del.{model}")
