"""Every write of the media app: upload, edit, delete, and making renditions."""

from chaikhana.media.actions.library import delete_media, update_media
from chaikhana.media.actions.renditions import create_renditions, forget_missing_renditions
from chaikhana.media.actions.upload import upload_media

__all__ = [
    "create_renditions",
    "delete_media",
    "forget_missing_renditions",
    "update_media",
    "upload_media",
]
