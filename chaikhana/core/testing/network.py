"""The network's settings as a fresh test database has them."""

from django.core.cache import cache

from chaikhana.core import network_settings
from chaikhana.core.models import NetworkSettings


def cache_defaults() -> None:
    """Cache the defaults without reading the database (tests start with no row)."""
    cache.set(network_settings.CACHE_KEY, NetworkSettings(pk=1), network_settings.CACHE_SECONDS)
