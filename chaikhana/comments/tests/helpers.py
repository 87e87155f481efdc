"""Helpers for the comments tests: posting through the page as a browser would."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from chaikhana.comments.spam.forms import TOKEN_FIELD, issue_token


def form_data(**fields: object) -> dict[str, object]:
    """What the comment form sends: a timing token issued a minute ago, an empty honeypot."""
    data: dict[str, object] = {
        "body": "Спасибо за пост!",
        "name": "Айгуль",
        "email": "",
        "website": "",
        TOKEN_FIELD: issue_token(timezone.now() - timedelta(minutes=1)),
    }
    data.update(fields)
    return data


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client
