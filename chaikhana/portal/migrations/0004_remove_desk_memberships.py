"""Remove the desk's old memberships of the portal blog, which made editors' usernames public.

The desk once made each editor an EDITOR of the portal blog with her username as pen name
and ``staff-<user id>`` as author slug: /@portal/author/staff-1/ showed "demo", and her
posts and comments there were signed with the username. The desk writes stories with no
membership now (blogs' *_editorial_post actions), and moderates comments by portal roles.
Nothing else points at these rows: Post.author is SET_NULL (stories already have none) and
Submission.author_membership names the blogger's membership of her own blog. The names
already printed with them become "The editors".
"""

from django.db import migrations
from django.utils import translation
from django.utils.translation import gettext


def forward(apps, schema_editor):
    Blog = apps.get_model("blogs", "Blog")
    Membership = apps.get_model("blogs", "Membership")
    Post = apps.get_model("blogs", "Post")
    Comment = apps.get_model("comments", "Comment")
    blog = Blog.objects.filter(name="portal").first()
    if blog is None:
        return
    desk = Membership.objects.filter(blog=blog, role="editor", slug__startswith="staff-")
    with translation.override(blog.language or "ru"):
        editors = gettext("The editors")
    for membership in desk:
        Post.objects.filter(author=membership, byline=membership.pen_name).update(byline=editors)
        Comment.objects.filter(blog=blog, author_id=membership.user_id).filter(
            name=membership.pen_name
        ).update(name=editors)
    desk.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_portalrole_display_name"),
        ("blogs", "0006_blog_is_editorial"),
        ("comments", "0002_spam_seeded_at"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
