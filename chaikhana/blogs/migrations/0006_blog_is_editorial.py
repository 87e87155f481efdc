from django.db import migrations, models


def mark_portal(apps, schema_editor):
    # The portal blog existed before the flag: its reserved name is "portal".
    apps.get_model("blogs", "Blog").objects.filter(name="portal").update(is_editorial=True)


class Migration(migrations.Migration):
    dependencies = [("blogs", "0005_blog_suspended_reason")]

    operations = [
        migrations.AddField(
            model_name="blog",
            name="is_editorial",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.RunPython(mark_portal, migrations.RunPython.noop),
    ]
