"""What media announces to listeners (reading's page cache), after commit, with ids only."""

from __future__ import annotations

from django.db import transaction
from django.dispatch import Signal

from chaikhana.media.models import MediaFile
from chaikhana.media.usage import posts_using

# Sent with blog_id and post_ids: the posts whose pages show a file that changed
# (renditions made, file deleted), so that stored copies of those pages are dropped.
media_changed = Signal()


def announce_media_changed(media: MediaFile) -> None:
    """Tell listeners, once the transaction commits, which posts show *media*."""
    post_ids = list(posts_using(media).values_list("pk", flat=True))
    if post_ids:
        transaction.on_commit(
            lambda: media_changed.send(
                MediaFile, media_id=media.pk, blog_id=media.blog_id, post_ids=post_ids
            )
        )
