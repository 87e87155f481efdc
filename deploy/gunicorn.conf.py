"""gunicorn settings for Chaikhana: `gunicorn -c deploy/gunicorn.conf.py chaikhana.wsgi`.

Read from the environment (the systemd unit loads /etc/chaikhana/chaikhana.env):
GUNICORN_BIND (default 127.0.0.1:8000), GUNICORN_WORKERS (default 2 × cores + 1),
GUNICORN_THREADS (4), GUNICORN_TIMEOUT (30 s). nginx sits in front and buffers slow
clients, so a few threaded workers serve many readers.
"""

import multiprocessing
import os

wsgi_app = "chaikhana.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
workers = int(os.environ.get("GUNICORN_WORKERS") or multiprocessing.cpu_count() * 2 + 1)
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS") or 4)
timeout = int(os.environ.get("GUNICORN_TIMEOUT") or 30)
graceful_timeout = 30
keepalive = 5  # nginx keeps upstream connections open (keepalive in chaikhana.conf)
# Load the application once, before forking: faster starts, shared memory pages.
preload_app = True
# Restart each worker now and then (staggered) so a slow leak never grows.
max_requests = 2000
max_requests_jitter = 200

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
