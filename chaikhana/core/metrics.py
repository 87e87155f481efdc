"""Prometheus metrics (django-prometheus) at /metrics, for the operator only.

Allowed: staff in a session verified with a second factor (django-otp's ``is_verified``),
or a request straight from an address in METRICS_ALLOWED (loopback by default: Prometheus
scraping a gunicorn port on the same machine). A request that came through the proxy (it
carries X-Forwarded-For) is someone else's, whatever its socket address. Staff signed in
with a password alone get a 403 that says why; everyone else a 404, as if there were
nothing here. Besides the request,
latency and response counters, ``chaikhana_tasks_pending`` counts the tasks waiting.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_prometheus.exports import ExportToDjangoView
from django_tasks import default_task_backend
from prometheus_client import REGISTRY
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector


def _is_staff(request: HttpRequest) -> bool:
    return bool(request.user.is_authenticated and request.user.is_active and request.user.is_staff)


def _second_factor_given(request: HttpRequest) -> bool:
    # OTPMiddleware's flag; core sits below accounts, so it reads the flag, not its helpers.
    is_verified = getattr(request.user, "is_verified", None)
    return bool(is_verified and is_verified())


def may_see_metrics(request: HttpRequest) -> bool:
    if _is_staff(request) and _second_factor_given(request):
        return True
    if "HTTP_X_FORWARDED_FOR" in request.META:
        return False
    return request.META.get("REMOTE_ADDR", "") in settings.METRICS_ALLOWED


def pending_tasks() -> int:
    """Tasks enqueued and not yet started, on whichever backend runs them."""
    backend = default_task_backend
    if type(backend).__module__.startswith("django_tasks_rq"):
        import django_rq

        return sum(django_rq.get_queue(name).count for name in backend.queues)
    if type(backend).__module__.startswith("django_tasks_db"):
        from django_tasks_db.models import DBTaskResult

        return DBTaskResult.objects.ready().count()
    return 0  # immediate and dummy backends keep no queue


class QueueDepthCollector(Collector):
    def collect(self) -> Iterator[GaugeMetricFamily]:
        gauge = GaugeMetricFamily("chaikhana_tasks_pending", "Background tasks waiting to run")
        try:
            gauge.add_metric([], pending_tasks())
        except Exception:  # a scrape reports what it can; the queue has /healthz
            return
        yield gauge


_collector = QueueDepthCollector()
REGISTRY.register(_collector)


@never_cache
def metrics(request: HttpRequest) -> HttpResponse:
    if not may_see_metrics(request):
        if _is_staff(request):
            raise PermissionDenied(_("Staff see the metrics after giving their second factor."))
        raise Http404
    return ExportToDjangoView(request)
