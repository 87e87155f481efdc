"""Template context every page needs."""

from django.conf import settings
from django.http import HttpRequest


def network(request: HttpRequest) -> dict[str, object]:
    return {"NETWORK_NAME": settings.NETWORK_NAME}
