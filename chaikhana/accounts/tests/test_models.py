"""The user row: case-insensitive names, and a public name that never is the username."""

import pytest
from django.db import IntegrityError

from chaikhana.accounts.models import User
from chaikhana.core.testing.factories import UserFactory


@pytest.mark.django_db
class UserTests:
    def test_public_name_hides_username_when_no_display_name(self):
        assert "secret-name" not in UserFactory(username="secret-name").public_name

    def test_public_name_is_display_name_when_given(self):
        assert UserFactory(display_name="Ай").public_name == "Ай"

    def test_database_refuses_same_cyrillic_name_in_another_case(self):
        UserFactory(username="Айгуль")
        with pytest.raises(IntegrityError):
            UserFactory(username="айгуль")

    def test_renaming_with_update_fields_keeps_the_name_key(self):
        user = UserFactory(username="old")
        user.username = "Новое"
        user.save(update_fields=["username"])
        assert User.objects.get_by_natural_key("НОВОЕ") == user
