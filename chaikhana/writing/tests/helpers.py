"""Small helpers for the dashboard's tests: logged-in clients and the editor's form data."""

from __future__ import annotations

from django.test import Client

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog, Membership
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import MembershipFactory


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def member(blog: Blog, role: str = Role.AUTHOR, **kwargs: object) -> Membership:
    return MembershipFactory(blog=blog, role=role, **kwargs)


def post_data(**overrides: object) -> dict[str, object]:
    """What the editor's form sends for a simple draft."""
    data: dict[str, object] = {
        "title": "A title",
        "body_source": "Some *text*.",
        "excerpt": "",
        "slug": "",
        "language": "ru",
        "status": "draft",
        "published_at": "",
        "tags": "",
        "kind": "post",
        "base_version": "",
        "save": "1",
    }
    data.update(overrides)
    return data
