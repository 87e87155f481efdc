"""Template context every page needs."""

from django.http import HttpRequest
from django.utils.functional import lazy

from chaikhana.core.network_settings import network_name


def network(request: HttpRequest) -> dict[str, object]:
    # Lazy: a page that never shows the name (feeds, JSON) never reads the settings.
    return {"NETWORK_NAME": lazy(network_name, str)()}
