"""Case-insensitive uniqueness for usernames (a casefolded key) and emails (when given)."""

import unicodedata

import django.db.models.functions.text
from django.db import migrations, models

import chaikhana.accounts.models


def fill_username_keys(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    for user in User.objects.only("pk", "username"):
        key = unicodedata.normalize("NFKC", user.username).casefold()
        User.objects.filter(pk=user.pk).update(username_key=key)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [
        migrations.AlterModelManagers(
            name="user",
            managers=[("objects", chaikhana.accounts.models.UserManager())],
        ),
        migrations.AddField(
            model_name="user",
            name="username_key",
            field=models.CharField(editable=False, max_length=150, null=True),
        ),
        migrations.RunPython(fill_username_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="user",
            name="username_key",
            field=models.CharField(editable=False, max_length=150, unique=True),
        ),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("email"),
                condition=models.Q(("email", ""), _negated=True),
                name="unique_email_ignoring_case",
                violation_error_message="Another account already uses this email address.",
            ),
        ),
    ]
