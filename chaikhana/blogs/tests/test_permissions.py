"""Who may do what on a blog: the role matrix, run through the real access helpers and actions.

The tables below are the rules (WordPress's role meanings, see chaikhana/blogs/roles.py).
Each cell becomes one test: the person tries the way a view would (access helper first, then
the action) and gets the expected answer; when refused, nothing in the database changed.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.forms.models import model_to_dict
from django.http import Http404

from chaikhana.blogs.access import access_blog, access_post, access_public_post
from chaikhana.blogs.actions import (
    PostContent,
    add_member,
    create_category,
    delete_post,
    edit_post,
    publish_post,
    submit_post_for_review,
    update_blog,
)
from chaikhana.blogs.actions import create_post as create_post_action
from chaikhana.blogs.models import Blog, Category, Membership, Post, Revision, SlugRedirect
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import (
    BlogFactory,
    MembershipFactory,
    PostFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

YES = "allowed"
E404 = Http404  # as if it did not exist
E403 = PermissionDenied  # visible, but not hers to change
NA = None  # does not apply: a non-member owns no posts

ROLES = ["owner", "editor", "author", "contributor", "stranger", "anonymous"]
MEMBERS = {"owner", "editor", "author", "contributor"}


def row(*cells: object) -> dict[str, object]:
    return dict(zip(ROLES, cells, strict=True))


# Reading, on a public or unlisted blog. On a private blog, strangers and anonymous readers
# get 404 for everything: they may not learn the blog exists.
READING: dict[str, dict[str, object]] = {
    #                                    owner editor author contrib. stranger anonymous
    "read published post":           row(YES,  YES,   YES,   YES,     YES,     YES),
    "read others' private post":     row(YES,  YES,   E404,  E404,    E404,    E404),
    "read own private post":         row(YES,  YES,   YES,   YES,     NA,      NA),
    "read draft on the site":        row(E404, E404,  E404,  E404,    E404,    E404),
    "read others' draft (preview)":  row(YES,  YES,   E404,  E404,    E404,    E404),
}  # fmt: skip

# Writing, on a public blog.
WRITING: dict[str, dict[str, object]] = {
    #                                    owner editor author contrib. stranger anonymous
    "create post":                   row(YES,  YES,   YES,   YES,     E403,    E403),
    "create page":                   row(YES,  YES,   E403,  E403,    E403,    E403),
    "edit own draft":                row(YES,  YES,   YES,   YES,     NA,      NA),
    "edit own post after published": row(YES,  YES,   YES,   E403,    NA,      NA),
    "edit others' post":             row(YES,  YES,   E403,  E403,    E404,    E404),
    "submit own draft for review":   row(YES,  YES,   YES,   YES,     NA,      NA),
    "publish own draft":             row(YES,  YES,   YES,   E403,    NA,      NA),
    "publish others' pending post":  row(YES,  YES,   E404,  E404,    E404,    E404),
    "delete own draft":              row(YES,  YES,   YES,   YES,     NA,      NA),
    "delete own published post":     row(YES,  YES,   YES,   E403,    NA,      NA),
    "delete others' post":           row(YES,  YES,   E403,  E403,    E404,    E404),
    "manage blog settings":          row(YES,  E403,  E403,  E403,    E403,    E403),
    "manage categories":             row(YES,  YES,   E403,  E403,    E403,    E403),
    "manage members":                row(YES,  E403,  E403,  E403,    E403,    E403),
}  # fmt: skip

VISIBILITIES = [Blog.Visibility.PUBLIC, Blog.Visibility.UNLISTED, Blog.Visibility.PRIVATE]


@dataclass
class Scene:
    """A blog with its founder, a colleague (an author) and the person trying something."""

    blog: Blog
    actor: object  # User or AnonymousUser
    colleague: Membership
    membership: Membership | None

    def own_post(self, status: str) -> Post:
        assert self.membership is not None
        return PostFactory(blog=self.blog, author=self.membership, status=status)

    def others_post(self, status: str) -> Post:
        return PostFactory(blog=self.blog, author=self.colleague, status=status)


def make_scene(role: str, visibility: str = Blog.Visibility.PUBLIC) -> Scene:
    blog = BlogFactory(visibility=visibility)
    colleague = MembershipFactory(blog=blog, role=Role.AUTHOR)
    membership = None
    if role in MEMBERS:
        # A second owner for "owner", so the founder's posts are never the actor's own.
        membership = MembershipFactory(blog=blog, role=role)
        actor: object = membership.user
    elif role == "stranger":
        actor = UserFactory()
    else:
        actor = AnonymousUser()
    return Scene(blog=blog, actor=actor, colleague=colleague, membership=membership)


def database_state() -> dict[str, list[dict]]:
    """Every row an attempt could touch, to show that a refusal left all of them alone."""
    models = [Blog, Membership, Post, Revision, SlugRedirect, Category]
    return {
        m.__name__: [model_to_dict(o) | {"pk": o.pk} for o in m.objects.order_by("pk")]
        for m in models
    }


def edited(post: Post) -> PostContent:
    content = PostContent.of(post)
    content.title = "Edited"
    return content


# --- Reading -------------------------------------------------------------------------------


def read_published(scene: Scene) -> None:
    post = scene.others_post(Post.Status.PUBLISHED)
    blog, membership = access_blog(scene.actor, scene.blog.name)
    assert access_public_post(scene.actor, blog, membership, post.slug) == post


def read_others_private(scene: Scene) -> None:
    post = scene.others_post(Post.Status.PRIVATE)
    blog, membership = access_blog(scene.actor, scene.blog.name)
    assert access_public_post(scene.actor, blog, membership, post.slug) == post


def read_own_private(scene: Scene) -> None:
    post = scene.own_post(Post.Status.PRIVATE)
    blog, membership = access_blog(scene.actor, scene.blog.name)
    assert access_public_post(scene.actor, blog, membership, post.slug) == post


def read_draft_on_site(scene: Scene) -> None:
    post = scene.others_post(Post.Status.DRAFT)
    blog, membership = access_blog(scene.actor, scene.blog.name)
    access_public_post(scene.actor, blog, membership, post.slug)


def read_others_draft_preview(scene: Scene) -> None:
    post = scene.others_post(Post.Status.DRAFT)
    blog, _membership = access_blog(scene.actor, scene.blog.name)
    assert access_post(scene.actor, blog, post.pk) == post


READERS = {
    "read published post": read_published,
    "read others' private post": read_others_private,
    "read own private post": read_own_private,
    "read draft on the site": read_draft_on_site,
    "read others' draft (preview)": read_others_draft_preview,
}


def reading_cases():
    for action, by_role in READING.items():
        for role, expected in by_role.items():
            if expected is NA:
                continue
            for visibility in VISIBILITIES:
                hidden = visibility == Blog.Visibility.PRIVATE and role not in MEMBERS
                yield pytest.param(
                    action,
                    role,
                    visibility,
                    E404 if hidden else expected,
                    id=f"{role} / {action} / {visibility}",
                )


class ReadingPermissionTests:
    @pytest.mark.parametrize(("action", "role", "visibility", "expected"), list(reading_cases()))
    def test_reader_gets_table_answer_when_opening_post(self, action, role, visibility, expected):
        scene = make_scene(role, visibility)
        if expected is YES:
            READERS[action](scene)
        else:
            with pytest.raises(expected):
                READERS[action](scene)


# --- Writing: the way a view does it (access helper, then the action) ------------------------


def _edit(scene: Scene, post: Post) -> None:
    post = access_post(scene.actor, scene.blog, post.pk, for_edit=True)
    edit_post(post=post, by=scene.actor, content=edited(post))
    post.refresh_from_db()
    assert post.title == "Edited"


def _publish(scene: Scene, post: Post) -> None:
    post = access_post(scene.actor, scene.blog, post.pk, for_edit=True)
    publish_post(post=post, by=scene.actor)
    post.refresh_from_db()
    assert post.is_public


def _submit(scene: Scene, post: Post) -> None:
    post = access_post(scene.actor, scene.blog, post.pk, for_edit=True)
    submit_post_for_review(post=post, by=scene.actor)
    post.refresh_from_db()
    assert post.status == Post.Status.PENDING


def _delete(scene: Scene, post: Post) -> None:
    post = access_post(scene.actor, scene.blog, post.pk, for_edit=True)
    delete_post(post=post, by=scene.actor)
    assert not Post.objects.filter(pk=post.pk).exists()


def create_post(scene: Scene) -> None:
    post = create_post_action(blog=scene.blog, by=scene.actor, content=PostContent(title="New"))
    assert post.author == scene.membership


def create_page(scene: Scene) -> None:
    post = create_post_action(
        blog=scene.blog, by=scene.actor, content=PostContent(title="About"), kind=Post.Kind.PAGE
    )
    assert Post.objects.pages().get() == post


def manage_settings(scene: Scene) -> None:
    update_blog(blog=scene.blog, by=scene.actor, title="Renamed")
    assert Blog.objects.get(pk=scene.blog.pk).title == "Renamed"


def manage_categories(scene: Scene) -> None:
    create_category(blog=scene.blog, by=scene.actor, name="News")
    assert Category.objects.for_blog(scene.blog).filter(name="News").exists()


def manage_members(scene: Scene) -> None:
    newcomer = UserFactory()
    add_member(blog=scene.blog, by=scene.actor, user=newcomer, role=Role.AUTHOR, pen_name="Nur")
    assert Membership.objects.filter(blog=scene.blog, user=newcomer, role=Role.AUTHOR).exists()


def own(status: str):
    return lambda scene: scene.own_post(status)


def others(status: str):
    return lambda scene: scene.others_post(status)


def nothing(scene: Scene) -> None:
    return None


# action: (what exists before the attempt, the attempt). Preparing happens outside the
# "nothing changed" window.
WRITERS = {
    "create post": (nothing, lambda s, _: create_post(s)),
    "create page": (nothing, lambda s, _: create_page(s)),
    "edit own draft": (own(Post.Status.DRAFT), _edit),
    "edit own post after published": (own(Post.Status.PUBLISHED), _edit),
    "edit others' post": (others(Post.Status.PUBLISHED), _edit),
    "submit own draft for review": (own(Post.Status.DRAFT), _submit),
    "publish own draft": (own(Post.Status.DRAFT), _publish),
    "publish others' pending post": (others(Post.Status.PENDING), _publish),
    "delete own draft": (own(Post.Status.DRAFT), _delete),
    "delete own published post": (own(Post.Status.PUBLISHED), _delete),
    "delete others' post": (others(Post.Status.PUBLISHED), _delete),
    "manage blog settings": (nothing, lambda s, _: manage_settings(s)),
    "manage categories": (nothing, lambda s, _: manage_categories(s)),
    "manage members": (nothing, lambda s, _: manage_members(s)),
}


def writing_cases():
    for action, by_role in WRITING.items():
        for role, expected in by_role.items():
            if expected is not NA:
                yield pytest.param(action, role, expected, id=f"{role} / {action}")


class WritingPermissionTests:
    @pytest.mark.parametrize(("action", "role", "expected"), list(writing_cases()))
    def test_member_gets_table_answer_when_changing_blog(self, action, role, expected):
        prepare, attempt = WRITERS[action]
        scene = make_scene(role)
        post = prepare(scene)
        if expected is YES:
            attempt(scene, post)
            return
        before = database_state()
        with pytest.raises(expected):
            attempt(scene, post)
        assert database_state() == before


def test_tables_cover_every_role_and_action():
    for table, actions in [(READING, READERS), (WRITING, WRITERS)]:
        assert set(table) == set(actions)
        assert all(list(row) == ROLES for row in table.values())


# --- The actions alone: a view that forgot its access check still cannot do harm ------------

ACTIONS_ALONE = {
    "edit own post after published": lambda s, p: edit_post(post=p, by=s.actor, content=edited(p)),
    "edit others' post": lambda s, p: edit_post(post=p, by=s.actor, content=edited(p)),
    "publish own draft": lambda s, p: publish_post(post=p, by=s.actor),
    "publish others' pending post": lambda s, p: publish_post(post=p, by=s.actor),
    "delete own published post": lambda s, p: delete_post(post=p, by=s.actor),
    "delete others' post": lambda s, p: delete_post(post=p, by=s.actor),
}


def refused_post_cases():
    for action in ACTIONS_ALONE:
        for role, expected in WRITING[action].items():
            if expected not in (YES, NA):
                yield pytest.param(action, role, id=f"{role} / {action}")


class ActionGuardTests:
    @pytest.mark.parametrize(("action", "role"), list(refused_post_cases()))
    def test_action_refuses_when_called_without_access_check(self, action, role):
        prepare, _attempt = WRITERS[action]
        scene = make_scene(role)
        post = prepare(scene)
        before = database_state()
        with pytest.raises(PermissionDenied):
            ACTIONS_ALONE[action](scene, post)
        assert database_state() == before


# --- The portal's blog: its stories change only at the desk (chaikhana/portal) ------------
# Whatever her role there, a member is refused every post write, through the dashboard's
# access helpers and through the actions alone (what XML-RPC and Micropub call).

POST_WRITES = [action for action in ACTIONS_ALONE] + [
    "create post",
    "create page",
    "edit own draft",
    "submit own draft for review",
    "delete own draft",
]


def editorial_cases():
    for action in POST_WRITES:
        for role in sorted(MEMBERS):
            if WRITING[action][role] is not NA:
                yield pytest.param(action, role, id=f"{role} / {action}")


class EditorialBlogPermissionTests:
    @pytest.mark.parametrize(("action", "role"), list(editorial_cases()))
    def test_member_is_refused_on_the_portal_blog_whatever_her_role(self, action, role):
        prepare, attempt = WRITERS[action]
        scene = make_scene(role)
        Blog.objects.filter(pk=scene.blog.pk).update(is_editorial=True)
        scene.blog.refresh_from_db()
        post = prepare(scene)
        before = database_state()
        with pytest.raises((PermissionDenied, Http404)):  # 404: a colleague's draft stays unseen
            attempt(scene, post)
        if action in ACTIONS_ALONE:
            with pytest.raises(PermissionDenied):
                ACTIONS_ALONE[action](scene, post)
        assert database_state() == before
