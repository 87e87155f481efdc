"""Background work for media: ids in, one action out; idempotent."""

from django_tasks import task

from chaikhana.media.actions import create_renditions
from chaikhana.media.models import MediaFile


@task()
def make_renditions(*, media_id: int) -> int:
    """Make the missing renditions of an image (nothing when it is gone or complete)."""
    media = MediaFile.objects.filter(pk=media_id).select_related("blog").first()
    if media is None:
        return 0
    return create_renditions(media=media)
