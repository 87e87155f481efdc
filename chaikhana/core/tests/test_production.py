"""Production pieces in-process: JSON logs, /metrics access, the onion host, the router."""

import json
import logging

import pytest
from django.test import override_settings

from chaikhana.core.db_router import PRIMARY, REPLICA, ReplicaRouter, _may_read_replica
from chaikhana.core.logging import JsonFormatter
from chaikhana.core.testing.factories import UserFactory
from chaikhana.core.testing.twofactor import log_in_verified

ONION = "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx.onion"


def test_json_formatter_writes_one_object_per_line() -> None:
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "boom %s", ("here",), None)
    line = JsonFormatter().format(record)
    assert "\n" not in line
    assert json.loads(line)["message"] == "boom here"


@pytest.mark.django_db
def test_metrics_from_loopback_but_not_through_the_proxy(client) -> None:
    direct = client.get("/metrics", REMOTE_ADDR="127.0.0.1")
    assert direct.status_code == 200
    assert b"django_http_requests_total" in direct.content
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9").status_code == 404
    proxied = client.get("/metrics", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert proxied.status_code == 404


@pytest.mark.django_db
def test_metrics_for_staff_from_anywhere(client) -> None:
    log_in_verified(client, UserFactory(is_staff=True))
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9").status_code == 200


@pytest.mark.django_db
def test_metrics_refused_to_staff_without_second_factor(client) -> None:
    client.force_login(UserFactory(is_staff=True))
    response = client.get("/metrics", REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 403
    assert b"django_http_requests_total" not in response.content


@pytest.mark.django_db
@override_settings(ONION_HOST=ONION, ALLOWED_HOSTS=["testserver", ONION], SECURE_SSL_REDIRECT=True)
def test_onion_host_served_over_http_and_announced_on_clearnet(client) -> None:
    clear = client.get("/robots.txt", secure=True)
    assert clear["Onion-Location"] == f"http://{ONION}/robots.txt"
    assert client.get("/robots.txt").status_code == 301  # clearnet http → https
    onion = client.get("/robots.txt", HTTP_HOST=ONION)
    assert onion.status_code == 200
    assert "Onion-Location" not in onion
    assert f"http://{ONION}/" in onion.content.decode()  # links built for the host asked


def test_router_reads_primary_unless_the_request_allows_the_replica() -> None:
    router = ReplicaRouter()
    assert router.db_for_read(None) == PRIMARY  # no request: tasks, commands
    token = _may_read_replica.set(True)
    try:
        assert router.db_for_read(None) == REPLICA
        assert router.db_for_write(None) == PRIMARY
    finally:
        _may_read_replica.reset(token)
    assert router.allow_migrate(REPLICA, "blogs") is False
