"""FederatedPost becomes SentArticle: what we told the fediverse about a post, not a post."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("federation", "0001_initial"),
    ]

    operations = [
        migrations.RenameModel(old_name="FederatedPost", new_name="SentArticle"),
    ]
