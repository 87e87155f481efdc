"""A person's complete data as one zip: profile, memberships, posts with revisions,
comments, media files and their metadata, as JSON plus the files themselves.

Only what is hers: posts she wrote (every status, on every blog), comments she made while
signed in, files she uploaded. Other members appear by pen name only, never by account.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import UTC, datetime
from typing import IO, Any

from django.db.models import Sum
from django.utils import timezone

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Membership, Post
from chaikhana.comments.models import Comment
from chaikhana.media.models import MediaFile
from chaikhana.newsletters.queries import subscriptions_of_address

README = """\
Your data from Chaikhana, exported {when}.

profile.json   your account: username, display name, email, bio, language, dates
blogs.json     each blog you own or belong to: its address and title, your role, your pen name
posts.json     every post and page you wrote, whatever its status, each with its categories,
               tags and saved revisions (oldest first); "body_source" is what you typed,
               "body_html" what readers were served
comments.json  the comments you wrote while signed in, with the post each answers
media.json     the files you uploaded: name, kind, size, description, caption, and "path",
               where the file is in this zip, and its SHA-256
media/         the files themselves, as stored (photos without their location metadata)
subscriptions.json  the newsletters your account's email address is subscribed to

Every date is in UTC, ISO 8601. A blog can also be exported on its own, for WordPress,
from its dashboard (Export).
"""


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat() if moment is not None else None


def build_user_zip(*, user: User, out: IO[bytes]) -> dict[str, int]:
    """Write *user*'s data as a zip to *out*; returns how many of each thing it holds."""
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        media = _media(archive, user)
        parts: dict[str, Any] = {
            "profile.json": _profile(user),
            "blogs.json": _blogs(user),
            "posts.json": _posts(user),
            "comments.json": _comments(user),
            "media.json": media,
            "subscriptions.json": subscriptions_of_address(user.email),
        }
        for name, data in parts.items():
            archive.writestr(name, json.dumps(data, ensure_ascii=False, indent=2))
        archive.writestr("README.txt", README.format(when=timezone.now().date().isoformat()))
    return {k.removesuffix(".json"): len(v) for k, v in parts.items() if isinstance(v, list)}


def _profile(user: User) -> dict[str, Any]:
    return {
        "username": user.username,
        "display_name": user.display_name,
        "email": user.email,
        "bio": user.bio,
        "language": user.language,
        "date_joined": _iso(user.date_joined),
        "last_login": _iso(user.last_login),
    }


def _blogs(user: User) -> list[dict[str, Any]]:
    memberships = Membership.objects.filter(user=user).select_related("blog").order_by("pk")
    return [
        {
            "blog": m.blog.name,
            "title": m.blog.title,
            "url": m.blog.get_absolute_url(),
            "role": m.role,
            "pen_name": m.pen_name,
            "author_slug": m.slug,
            "since": _iso(m.created_at),
        }
        for m in memberships
    ]


def _posts(user: User) -> list[dict[str, Any]]:
    posts = (
        Post.objects.filter(author__user=user)
        .select_related("blog")
        .prefetch_related("categories", "tags", "revisions")
        .order_by("pk")
    )
    return [_post(p) for p in posts]


def _post(p: Post) -> dict[str, Any]:
    revisions = sorted(p.revisions.all(), key=lambda r: (r.created_at, r.pk))
    return {
        "id": p.pk,
        "blog": p.blog.name,
        "kind": p.kind,
        "status": p.status,
        "title": p.title,
        "slug": p.slug,
        "language": p.language,
        "byline": p.byline,
        "excerpt": p.excerpt,
        "body_format": p.body_format,
        "body_source": p.body_source,
        "body_html": p.body_html,
        "published_at": _iso(p.published_at),
        "created_at": _iso(p.created_at),
        "updated_at": _iso(p.updated_at),
        "categories": [c.name for c in p.categories.all()],
        "tags": [t.name for t in p.tags.all()],
        "revisions": [
            {
                "kind": r.kind,
                "title": r.title,
                "body_format": r.body_format,
                "body_source": r.body_source,
                "excerpt": r.excerpt,
                "created_at": _iso(r.created_at),
            }
            for r in revisions
        ],
    }


def _comments(user: User) -> list[dict[str, Any]]:
    comments = Comment.objects.filter(author=user).select_related("post__blog").order_by("pk")
    return [
        {
            "id": c.pk,
            "blog": c.post.blog.name,
            "post": c.post.title,
            "post_url": c.post.get_absolute_url(),
            "parent": c.parent_id,
            "name": c.name,
            "status": c.status,
            "body_source": c.body_source,
            "created_at": _iso(c.created_at),
        }
        for c in comments
    ]


def _media(archive: zipfile.ZipFile, user: User) -> list[dict[str, Any]]:
    found = []
    for m in MediaFile.objects.filter(uploaded_by=user).select_related("blog").order_by("pk"):
        path = f"media/{m.blog.name}/{m.pk}-{m.original_name.replace('/', '_')}"
        with m.file.open("rb") as stored:
            data = stored.read()
        archive.writestr(path, data)
        found.append(
            {
                "id": m.pk,
                "blog": m.blog.name,
                "path": path,
                "original_name": m.original_name,
                "kind": m.kind,
                "content_type": m.content_type,
                "size": len(data),
                "width": m.width,
                "height": m.height,
                "alt": m.alt,
                "caption": m.caption,
                "sha256": hashlib.sha256(data).hexdigest(),
                "uploaded_at": _iso(m.created_at),
            }
        )
    return found


def is_small(user: User) -> bool:
    """Small enough to zip while she waits (see porting.conf)."""
    from chaikhana.porting import conf

    media_bytes = (
        MediaFile.objects.filter(uploaded_by=user).aggregate(total=Sum("size"))["total"] or 0
    )
    if media_bytes > conf.export_sync_max_bytes():
        return False
    return Post.objects.filter(author__user=user).count() <= conf.export_sync_max_posts()
