import pytest

pytestmark = pytest.mark.django_db


class HealthzTests:
    def test_reports_ok_for_database_cache_and_queue(self, client):
        response = client.get("/healthz")
        assert response.status_code == 200
        assert response.json() == {
            "status": "ok",
            "database": "ok",
            "cache": "ok",
            "queue": "ok",
        }

    def test_is_never_cached_by_browsers_or_proxies(self, client):
        response = client.get("/healthz")
        assert "no-cache" in response["Cache-Control"]

    def test_reports_failure_with_503_when_the_cache_is_unreachable(self, client, settings):
        settings.CACHES = {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
                "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
            }
        }
        response = client.get("/healthz")
        assert response.status_code == 503
        assert response.json()["cache"] == "failing"
