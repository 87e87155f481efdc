"""gunicorn settings for Chaikhana: `gunicorn -c deploy/gunicorn.conf.py chaikhana.wsgi`.

Read from the environment (the systemd unit loads /etc/chaikhana/chaikhana.env):
GUNICORN_BIND (default 127.0.0.1:8000), GUNICORN_WORKERS (default: one per core, at least
two), GUNICORN_THREADS (4), GUNICORN_TIMEOUT (30 s), GUNICORN_MAX_REQUESTS (0: off).

Sizing: a worker renders pages with the CPU and holds the GIL while it does, so more
processes than cores only add memory (about 100 MB each) and context switches; its threads
cover the waits on the database, Redis and disk. nginx sits in front, buffers slow clients
and serves stored pages itself (page files), so one worker per core with four threads keeps
the cores busy — the old 2 × cores + 1 took 587 MB on two cores and was slower per request
than `make run`'s two workers (BENCHMARKS.md).
"""

import multiprocessing
import os

wsgi_app = "chaikhana.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
workers = int(os.environ.get("GUNICORN_WORKERS") or max(2, multiprocessing.cpu_count()))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS") or 4)
timeout = int(os.environ.get("GUNICORN_TIMEOUT") or 30)
graceful_timeout = 30
keepalive = 5  # nginx keeps upstream connections open (keepalive in chaikhana.conf)
# Load the application once, before forking: faster starts, shared memory pages.
preload_app = True
# Off by default: a restart costs the new worker its warm caches, and at 2,000 requests
# restarts came every few seconds under load, putting p99 at half a second. The soak drill
# watches worker memory instead; set it (the jitter staggers the workers) if a leak appears.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS") or 0)
max_requests_jitter = max_requests // 10

# Access log without the client's address or browser: time, method, path without its query
# string (%(U)s, not the request line %(r)s: a query can carry a token), status, size,
# duration (µs). bin/run (make run) uses this same format.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(D)s'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
proc_name = "chaikhana-web"
# Only nginx on this machine sets X-Forwarded-*; trust it from loopback only.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")


def child_exit(server, worker):
    """With PROMETHEUS_MULTIPROC_DIR set, forget a dead worker's live gauges."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
