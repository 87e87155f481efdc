"""Application passwords: creation, hashing, checking, the command and the dashboard page."""

from io import StringIO

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core.management import CommandError, call_command
from django.test import override_settings

from chaikhana.accounts.app_passwords import (
    authenticate_app_password,
    authenticate_token,
    create_app_password,
    revoke_app_password,
)
from chaikhana.accounts.models import AppPassword
from chaikhana.core.errors import ActionError
from chaikhana.core.testing.factories import PASSWORD, BlogFactory, UserFactory


class CountingHasher(MD5PasswordHasher):
    """MD5 that counts its hashes: shows that every failure path costs one."""

    algorithm = "counting_md5"
    hashes = 0

    def encode(self, password, salt):
        CountingHasher.hashes += 1
        return super().encode(password, salt)


COUNTING = override_settings(PASSWORD_HASHERS=[f"{__name__}.CountingHasher"])


@pytest.mark.django_db
class AppPasswordTests:
    def test_value_is_ident_dot_secret_and_only_a_hash_is_stored(self, user):
        row, password = create_app_password(user=user, name="MarsEdit")
        ident, _, secret = password.partition(".")
        assert (ident, len(secret)) == (row.ident, 32)
        assert secret not in row.secret_hash and row.secret_hash.count("$") >= 2

    def test_authenticates_its_owner_by_username_in_any_case(self, user):
        _, password = create_app_password(user=user, name="phone")
        assert authenticate_app_password(user.username.upper(), password).user == user
        assert AppPassword.objects.get().last_used_at is not None

    def test_account_password_is_refused(self, user):
        create_app_password(user=user, name="phone")
        assert authenticate_app_password(user.username, PASSWORD) is None

    def test_another_users_password_is_refused(self, user):
        _, password = create_app_password(user=UserFactory(), name="theirs")
        assert authenticate_app_password(user.username, password) is None

    def test_token_alone_names_its_user(self, user):
        _, password = create_app_password(user=user, name="micropub")
        assert authenticate_token(password).user == user
        assert authenticate_token(password[:-1] + "!") is None

    def test_revoked_password_stops_working(self, user):
        row, password = create_app_password(user=user, name="old laptop")
        revoke_app_password(app_password=row, by=user)
        assert authenticate_token(password) is None

    def test_nobody_revokes_another_persons_password(self, user):
        row, _ = create_app_password(user=UserFactory(), name="theirs")
        with pytest.raises(ActionError):
            revoke_app_password(app_password=row, by=user)

    def test_name_is_required(self, user):
        with pytest.raises(ActionError):
            create_app_password(user=user, name="  ")

    @COUNTING
    def test_unknown_user_wrong_secret_and_garbage_each_cost_one_hash(self, user):
        _, password = create_app_password(user=user, name="phone")
        wrong_secret = password[:-4] + "zzzz"
        for username, value in [
            ("nobody", password),
            (user.username, wrong_secret),
            ("nobody", "x" * 43),
            ("nobody", "short"),
        ]:
            before = CountingHasher.hashes
            assert authenticate_app_password(username, value) is None
            assert CountingHasher.hashes - before == 1, (username, value)


@pytest.mark.django_db
class AppPasswordCommandTests:
    def test_prints_a_working_password_alone_on_the_last_line(self, user):
        out = StringIO()
        call_command("app_password", user.username, "--name", "cli", stdout=out, stderr=StringIO())
        password = out.getvalue().splitlines()[-1]
        assert authenticate_app_password(user.username, password).user == user
        assert AppPassword.objects.get().name == "cli"

    def test_unknown_user_is_an_error(self, db):
        with pytest.raises(CommandError):
            call_command("app_password", "ghost", stdout=StringIO(), stderr=StringIO())


@pytest.mark.django_db
class AppPasswordPageTests:
    def test_creating_shows_the_password_once(self, client, user):
        client.force_login(user)
        page = client.post(
            "/accounts/app-passwords/", {"name": "MarsEdit", "scopes": ["read", "posts"]}
        )
        row = AppPassword.objects.get()
        assert row.ident in page.content.decode()
        assert "no-cache" in page["Cache-Control"] or "max-age=0" in page["Cache-Control"]
        assert row.ident not in client.get("/accounts/app-passwords/").content.decode()

    def test_revoking_deletes_it(self, client, user):
        row, _ = create_app_password(user=user, name="old")
        client.force_login(user)
        response = client.post(f"/accounts/app-passwords/{row.pk}/revoke/")
        assert response.status_code == 302 and not AppPassword.objects.exists()

    def test_someone_elses_password_cannot_be_revoked(self, client, user):
        row, _ = create_app_password(user=UserFactory(), name="theirs")
        client.force_login(user)
        assert client.post(f"/accounts/app-passwords/{row.pk}/revoke/").status_code == 404
        assert AppPassword.objects.filter(pk=row.pk).exists()

    def test_page_needs_a_login(self, client, db):
        assert client.get("/accounts/app-passwords/").status_code == 302


@pytest.mark.django_db
class AppPasswordGrantPageTests:
    def test_scopes_blogs_and_expiry_are_chosen_and_listed(self, client, user):
        blog = BlogFactory(owner=user, title="River notes")
        BlogFactory(owner=user, title="Hills")
        client.force_login(user)
        client.post(
            "/accounts/app-passwords/",
            {
                "name": "bot",
                "scopes": ["read", "comments"],
                "blogs": [blog.pk],
                "expires_on": "2099-01-31",
            },
        )
        row = AppPassword.objects.get()
        assert row.scope_names == ["read", "comments"] and row.blog_ids == [blog.pk]
        assert row.expires_at is not None and row.expires_at.year == 2099
        listing = client.get("/accounts/app-passwords/").content.decode()
        assert "read, comments" in listing and "River notes" in listing
        assert "/api/v1/docs" in listing

    def test_a_blog_she_does_not_write_for_is_refused(self, client, user):
        stranger_blog = BlogFactory()
        with pytest.raises(ActionError):
            create_app_password(user=user, name="x", blog_ids=[stranger_blog.pk])

    def test_an_expiry_in_the_past_is_refused_and_nothing_is_stored(self, client, user):
        client.force_login(user)
        page = client.post(
            "/accounts/app-passwords/",
            {"name": "bot", "scopes": ["read"], "expires_on": "2001-01-01"},
        )
        assert "in the future" in page.content.decode()
        assert not AppPassword.objects.exists()
