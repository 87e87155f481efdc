"""Shared by the API's tests: a token for a person, and calling the API as a client would."""

from __future__ import annotations

from typing import Any

from django.test import Client

from chaikhana.accounts.app_passwords import SCOPES, create_app_password
from chaikhana.accounts.models import User

ALL_SCOPES = list(SCOPES)


def token_for(
    user: User, scopes: list[str] | None = None, blog_ids: list[int] | None = None
) -> str:
    _row, value = create_app_password(
        user=user, name="test client", scopes=scopes or ALL_SCOPES, blog_ids=blog_ids
    )
    return value


def call(client: Client, method: str, path: str, token: str | None = None, **kwargs: Any) -> Any:
    headers = dict(kwargs.pop("headers", {}))
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if "json" in kwargs:
        kwargs["data"] = kwargs.pop("json")
        kwargs["content_type"] = "application/json"
    return getattr(client, method)(f"/api/v1{path}", headers=headers, **kwargs)
