"""Serving uploaded files when no web server sits in front of the app (``make run``)."""

from django.conf import settings
from django.http import FileResponse, HttpRequest
from django.views.static import serve

# Uploaded files never change under the same name, so readers may keep them for a long time.
MEDIA_MAX_AGE = 30 * 24 * 3600


def serve_media(request: HttpRequest, path: str) -> FileResponse:
    response = serve(request, path, document_root=str(settings.MEDIA_ROOT))
    response["Cache-Control"] = f"public, max-age={MEDIA_MAX_AGE}"
    response["X-Content-Type-Options"] = "nosniff"
    return response
