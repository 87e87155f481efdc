"""Background work for blogs: ids in, one action out; idempotent."""

from django_tasks import task

from chaikhana.blogs.actions import publish_due_posts


@task()
def publish_due_posts_task() -> int:
    """Publish the scheduled posts whose time has come (a no-op when run early)."""
    return publish_due_posts()
