"""An upload handler that stops keeping a file once it passes the size cap.

Django would otherwise write a 200 MB video to a temporary file before the view could
refuse it. Past the cap this handler skips the file: the rest of the request is read and
thrown away chunk by chunk, never held in memory or on disk, and the view says why.
"""

from __future__ import annotations

from django.core.files.uploadhandler import FileUploadHandler, SkipFile


class SizeCapUploadHandler(FileUploadHandler):
    """Placed first, so it sees each chunk before the handlers that keep it."""

    def __init__(self, max_bytes: int, request: object = None) -> None:
        super().__init__(request)  # type: ignore[arg-type]
        self.max_bytes = max_bytes
        self.too_large = False
        self._received = 0

    def new_file(self, *args: object, **kwargs: object) -> None:
        self._received = 0
        super().new_file(*args, **kwargs)  # type: ignore[arg-type]

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self._received += len(raw_data)
        if self._received > self.max_bytes:
            self.too_large = True
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None
