"""Who may call what: every API operation × role × visibility, as blogs' role matrix does it
(chaikhana/blogs/tests/test_permissions.py) but through HTTP, with a token of all scopes.

The BASE table is the rule on a public blog, aimed at the owner's published post (publish and
schedule aim at her draft). Each other visibility changes it as the HTML pages do, in one
place (:func:`expected`): a private blog is a 404 to outsiders, a suspended blog a 403 to
everyone, a draft does not exist for the public nor for members who may not edit it. Every
call runs in a savepoint that is rolled back, so each cell starts from the same rows; a
refused call is also checked to have changed nothing.
"""

from __future__ import annotations

import pytest
from django.db import transaction
from django.forms.models import model_to_dict

from chaikhana.api.tests.helpers import token_for
from chaikhana.blogs.models import Blog, Post, Revision
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import (
    BlogFactory,
    CategoryFactory,
    CommentFactory,
    MembershipFactory,
    PostFactory,
    TagFactory,
    UserFactory,
)
from chaikhana.courses.tests.factories import CourseFactory, SessionFactory
from chaikhana.media.tests.helpers import image_bytes
from chaikhana.portal.tests.factories import SectionFactory

pytestmark = pytest.mark.django_db

ROLES = ["owner", "editor", "author", "contributor", "stranger", "anonymous"]
VISIBILITIES = ["public", "unlisted", "private", "suspended", "draft"]


def row(*cells: int) -> dict[str, int]:
    return dict(zip(ROLES, cells, strict=True))


ALL = row(200, 200, 200, 200, 200, 200)
MEMBERS = row(200, 200, 200, 200, 403, 401)
EDITORS = row(200, 200, 403, 403, 403, 401)

# (method, path, body) and the answer per role on a public blog, aimed at the owner's post.
OPERATIONS: dict[str, tuple[str, str, object, dict[str, int]]] = {
    # public reads of one blog
    "blog":           ("get", "/blogs/{blog}", None, ALL),
    "posts":          ("get", "/blogs/{blog}/posts", None, ALL),
    "post":           ("get", "/blogs/{blog}/posts/{slug}", None, ALL),
    "pages":          ("get", "/blogs/{blog}/pages", None, ALL),
    "page":           ("get", "/blogs/{blog}/pages/{page}", None, ALL),
    "categories":     ("get", "/blogs/{blog}/categories", None, ALL),
    "tags":           ("get", "/blogs/{blog}/tags", None, ALL),
    "post comments":  ("get", "/blogs/{blog}/posts/{slug}/comments", None, ALL),
    # public reads of the network, the portal and the school
    "blog directory": ("get", "/blogs", None, ALL),
    "network posts":  ("get", "/posts", None, ALL),
    "sections":       ("get", "/portal/sections", None, ALL),
    "stories":        ("get", "/portal/stories", None, ALL),
    "courses":        ("get", "/courses", None, ALL),
    "course":         ("get", "/courses/{course}", None, ALL),
    "sessions":       ("get", "/courses/{course}/sessions", None, ALL),
    # her own
    "me":             ("get", "/me", None, row(200, 200, 200, 200, 200, 401)),
    "export":         ("post", "/me/export", None, row(200, 200, 200, 200, 200, 401)),
    "export status":  ("get", "/me/export", None, row(200, 200, 200, 200, 200, 401)),
    "register":       ("post", "/courses/sessions/{session}/registrations", None,
                       row(201, 201, 201, 201, 201, 401)),
    # writing in the blog
    "my posts":       ("get", "/manage/{blog}/posts", None, MEMBERS),
    "create post":    ("post", "/manage/{blog}/posts", {"title": "New"},
                       row(201, 201, 201, 201, 403, 401)),
    "create page":    ("post", "/manage/{blog}/posts", {"title": "New", "kind": "page"},
                       row(201, 201, 403, 403, 403, 401)),
    "post source":    ("get", "/manage/{blog}/posts/{post_id}", None, MEMBERS),
    "edit":           ("patch", "/manage/{blog}/posts/{post_id}", {"version": 1, "title": "E"},
                       EDITORS),
    "publish":        ("post", "/manage/{blog}/posts/{draft_id}/publish", None,
                       row(200, 200, 404, 404, 403, 401)),
    "schedule":       ("post", "/manage/{blog}/posts/{draft_id}/schedule",
                       {"at": "2099-01-01T10:00:00+06:00"}, row(200, 200, 404, 404, 403, 401)),
    "delete":         ("delete", "/manage/{blog}/posts/{post_id}", None,
                       row(204, 204, 403, 403, 403, 401)),
    "revisions":      ("get", "/manage/{blog}/posts/{post_id}/revisions", None, EDITORS),
    "restore":        ("post", "/manage/{blog}/posts/{post_id}/revisions/{revision_id}/restore",
                       None, EDITORS),
    "add category":   ("post", "/manage/{blog}/categories", {"name": "Added"},
                       row(201, 201, 403, 403, 403, 401)),
    "drop category":  ("delete", "/manage/{blog}/categories/{category}", None,
                       row(204, 204, 403, 403, 403, 401)),
    "upload":         ("post", "/manage/{blog}/media", "FILE", row(201, 201, 201, 201, 403, 401)),
    "comment queue":  ("get", "/manage/{blog}/comments", None, EDITORS),
    "approve":        ("post", "/manage/{blog}/comments/{comment_id}/approve", None, EDITORS),
    "spam":           ("post", "/manage/{blog}/comments/{comment_id}/spam", None, EDITORS),
    "trash":          ("post", "/manage/{blog}/comments/{comment_id}/trash", None, EDITORS),
    "submit to portal": ("post", "/manage/{blog}/posts/{post_id}/portal-submission",
                         {"section": "society"}, row(201, 403, 403, 403, 403, 401)),
}  # fmt: skip

BLOG_READS = {"blog", "posts", "post", "pages", "page", "categories", "tags", "post comments"}
OF_THE_POST = {"post", "post comments", "post source", "edit", "delete", "revisions", "restore",
               "submit to portal"}  # fmt: skip
NOT_OF_A_BLOG = {"blog directory", "network posts", "sections", "stories", "courses", "course",
                 "sessions", "me", "export", "export status", "register"}  # fmt: skip


def expected(operation: str, role: str, visibility: str) -> int:
    """The BASE cell, changed by the visibility as the blog's HTML pages change."""
    base = OPERATIONS[operation][3][role]
    if operation in NOT_OF_A_BLOG or visibility in ("public", "unlisted"):
        return base
    writing = operation not in BLOG_READS
    if role == "anonymous" and writing:
        return 401  # no token: refused before anything is looked up
    if visibility == "private":
        return 404 if role in ("stranger", "anonymous") else base
    if visibility == "suspended":
        return 403
    # draft: the owner's post is a draft
    if operation in ("post", "post comments"):
        return 404  # the public endpoint knows only what is published
    if operation in OF_THE_POST and role in ("author", "contributor"):
        return 404  # a colleague's draft is not hers to know about
    if operation == "submit to portal" and role == "owner":
        return 201  # a draft written for the portal may be sent
    return base


@pytest.fixture
def world():
    people = {role: UserFactory(email=f"{role}@example.org") for role in ROLES[:5]}
    blog = BlogFactory(name="river", owner=people["owner"])
    for role in ("editor", "author", "contributor"):
        MembershipFactory(blog=blog, user=people[role], role=getattr(Role, role.upper()))
    post = PostFactory(blog=blog, slug="hello")
    Revision.objects.create(post=post, user=people["owner"], title="Old", body_format="markdown")
    draft = PostFactory(blog=blog, slug="plan", status=Post.Status.DRAFT, published_at=None)
    page = PostFactory(blog=blog, slug="about", kind=Post.Kind.PAGE)
    post.tags.add(TagFactory(blog=blog))
    category = CategoryFactory(blog=blog, slug="news")
    comment = CommentFactory(post=post, status="pending")
    CommentFactory(post=post)
    SectionFactory(slug="society")
    course = CourseFactory(is_published=True, slug="writing")
    session = SessionFactory(course=course)
    tokens = {role: token_for(user) for role, user in people.items()}
    values = {
        "blog": blog.name,
        "slug": post.slug,
        "page": page.slug,
        "post_id": post.pk,
        "draft_id": draft.pk,
        "revision_id": post.revisions.order_by("pk").first().pk,
        "category": category.slug,
        "comment_id": comment.pk,
        "course": course.slug,
        "session": session.pk,
    }
    return blog, post, tokens, values


def _set_visibility(blog: Blog, post: Post, visibility: str) -> None:
    if visibility in ("unlisted", "private"):
        Blog.objects.filter(pk=blog.pk).update(visibility=visibility)
    elif visibility == "suspended":
        Blog.objects.filter(pk=blog.pk).update(is_active=False)
    elif visibility == "draft":
        Post.objects.filter(pk=post.pk).update(status=Post.Status.DRAFT, published_at=None)


def _call(client, method: str, path: str, body: object, token: str | None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    url = "/api/v1" + path
    if body == "FILE":
        from django.core.files.uploadedfile import SimpleUploadedFile

        upload = SimpleUploadedFile("p.png", image_bytes("PNG"))
        return client.post(url, {"file": upload}, headers=headers)
    if body is None:
        return getattr(client, method)(url, headers=headers)
    return getattr(client, method)(url, body, content_type="application/json", headers=headers)


class ApiPermissionMatrixTests:
    @pytest.mark.parametrize("visibility", VISIBILITIES)
    def test_every_operation_for_every_role(self, client, world, visibility):
        blog, post, tokens, values = world
        _set_visibility(blog, post, visibility)
        before = model_to_dict(Post.objects.get(pk=post.pk))
        wrong = []
        for operation, (method, path, body, _base) in OPERATIONS.items():
            if operation in NOT_OF_A_BLOG and visibility != "public":
                continue  # the same for every visibility of the blog: walked once
            for role in ROLES:
                with transaction.atomic():
                    answer = _call(client, method, path.format(**values), body, tokens.get(role))
                    if answer.status_code >= 400:
                        assert model_to_dict(Post.objects.get(pk=post.pk)) == before
                    transaction.set_rollback(True)
                want = expected(operation, role, visibility)
                if answer.status_code != want:
                    wrong.append((operation, role, answer.status_code, want))
        assert wrong == []
