"""No public answer of the API names an account: every public GET operation of the OpenAPI
document is called with real data and searched for usernames, emails and id-bearing keys."""

from __future__ import annotations

import json
import re

import pytest

from chaikhana.api.main import api
from chaikhana.api.tests.helpers import call
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

pytestmark = pytest.mark.django_db

FORBIDDEN_KEYS = {
    "user",
    "username",
    "email",
    "user_id",
    "member",
    "member_id",
    "author_id",
    "membership",
}


def _keys(value):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from _keys(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _keys(inner)


class PublicOperationsTests:
    def test_no_public_operation_leaks_an_account(self, client):
        writer = UserFactory(username="secretlogin", email="secret@example.org")
        blog = BlogFactory(name="river", owner=writer)
        second = BlogFactory(name="hills", visibility="unlisted")  # the directory omits it
        MembershipFactory(blog=second, user=writer, role=Role.AUTHOR, pen_name="Other Name")
        post = PostFactory(blog=blog, slug="first")
        PostFactory(blog=blog, slug="about", kind="page")
        post.categories.add(CategoryFactory(blog=blog))
        post.tags.add(TagFactory(blog=blog))
        CommentFactory(post=post, author=writer, name="secretlogin", email="secret@example.org")
        values = {"name": "river", "slug": "first"}
        walked = 0
        for path, operations in api.get_openapi_schema()["paths"].items():
            if "get" not in operations or operations["get"].get("security"):
                continue
            concrete = re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), "x"), path)
            if "{" in concrete or "/pages/" in concrete:
                continue
            answer = client.get(concrete)
            text = answer.content.decode()
            assert "secretlogin" not in text and "secret@example.org" not in text, concrete
            assert "Other Name" not in text and "hills" not in text, concrete  # her other blog
            if answer.status_code == 200:
                assert not FORBIDDEN_KEYS & set(_keys(json.loads(text))), concrete
                walked += 1
        assert walked >= 12

    def test_page_by_slug_shows_only_the_byline(self, client):
        writer = UserFactory(username="secretlogin")
        page = PostFactory(blog=BlogFactory(owner=writer), kind="page")
        answer = call(client, "get", f"/blogs/{page.blog.name}/pages/{page.slug}")
        assert answer.status_code == 200 and "secretlogin" not in answer.content.decode()
