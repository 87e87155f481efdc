"""`manage.py demo_staff`: the demo network's administrator, who must enrol two-factor."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.urls import reverse

from chaikhana.accounts.models import User

pytestmark = pytest.mark.django_db


def test_no_admin_with_a_published_password_outside_the_demo_network():
    out = StringIO()
    call_command("demo_staff", if_needed=True, stdout=out)
    assert not User.objects.filter(username="admin").exists()
    assert "no demo network" in out.getvalue()


def test_demo_admin_is_staff_created_once_and_sent_to_enrol(settings, tmp_path: Path, client):
    settings.MEDIA_ROOT = tmp_path
    call_command("demo", blogs=3, posts=10, stdout=StringIO())
    call_command("demo_staff", if_needed=True, stdout=StringIO())
    before = list(User.objects.values_list("pk", "password", "is_staff"))
    call_command("demo_staff", if_needed=True, stdout=StringIO())
    assert list(User.objects.values_list("pk", "password", "is_staff")) == before

    admin = authenticate(username="admin", password="demo-password")
    assert admin is not None and admin.is_staff and admin.is_superuser
    client.force_login(admin)
    response = client.get("/network/")
    assert response.status_code == 302
    # No authenticator yet: /network/ sends her to set one up first.
    assert response["Location"].startswith(reverse("accounts:twofactor"))
