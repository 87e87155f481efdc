#!/usr/bin/env bash
# The production smoke test (.ci/run's last step): the deploy/ files, run for real on loopback.
# A fresh PostgreSQL database, its own Redis, two gunicorns (deploy/gunicorn.conf.py), an RQ
# worker (deploy/worker) and nginx (deploy/nginx/*.conf with this run's ports and paths,
# TLS with a throwaway certificate), production settings (DEBUG off, Secure cookies, HSTS,
# https redirect, onion host); then tests/deploy/smoke_client.py reads and writes through
# it, and tests/deploy/replica_check.py proves the replica router on a second database.
# Everything it starts is stopped on exit. Bounded: every wait has a limit, the whole run too.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PY=$ROOT/.venv/bin/python
T0=$(date +%s)
step() { echo "-- [$(( $(date +%s) - T0 ))s] $*"; }

bin/ensure-debs nginx libnginx-mod-http-brotli-static openssl redis-server
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
  for _ in $(seq 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi

TMP=$(mktemp -d /tmp/chaikhana-smoke.XXXXXX)
chmod 755 "$TMP"
DB="chaikhana_smoke_$$"
REPLICA="${DB}_replica"
pids=()
psql_() { psql -h 127.0.0.1 -U postgres -qX "$@"; }
stop_services() {  # newest first: nginx, worker, gunicorns, then Redis
  local order=()
  for (( i=${#pids[@]}-1; i>=0; i-- )); do order+=("${pids[i]}"); done
  for pid in "${order[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  pids=()
}
cleanup() {
  status=$?
  trap - EXIT INT TERM
  stop_services
  if [ "$status" != 0 ]; then
    echo "== smoke test failed; last log lines:" >&2
    for log in "$TMP"/*.log "$TMP"/nginx/error.log; do
      [ -f "$log" ] && { echo "--- $log" >&2; tail -n 40 "$log" | cut -c1-300 >&2; }
    done
  fi
  psql_ -c "DROP DATABASE IF EXISTS $REPLICA" -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
  rm -rf "$TMP"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

read -r P_A P_B P_HTTP P_HTTPS P_ONION P_REDIS < <("$PY" - <<'PYEOF'
import socket
socks = [socket.socket() for _ in range(6)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])
for s in socks:
    s.close()
PYEOF
)
ONION=smokesmokesmokesmokesmokesmokesmokesmokesmokesmokesmoke.onion

step "redis-server on :$P_REDIS, database $DB"
redis-server --bind 127.0.0.1 --port "$P_REDIS" --save "" --appendonly no \
  --dir "$TMP" --logfile "$TMP/redis.log" &
pids+=($!)
psql_ -c "CREATE DATABASE $DB"

# Production settings, as deploy/chaikhana.env.example sets them.
export DEBUG=off SECRET_KEY="smoke-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export ALLOWED_HOSTS="chaikhana.test,127.0.0.1" ONION_HOST="$ONION"
export SITE_URL="https://chaikhana.test:$P_HTTPS" CSRF_TRUSTED_ORIGINS="https://chaikhana.test:$P_HTTPS"
export BEHIND_TLS_PROXY=on SECURE_COOKIES=on SECURE_SSL_REDIRECT=on SECURE_HSTS_SECONDS=60
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB" REDIS_URL="redis://127.0.0.1:$P_REDIS/0"
export TASK_BACKEND=django_tasks_rq.RQBackend SERVE_MEDIA=off
export CHAIKHANA_VAR_DIR="$TMP/var" MEDIA_ROOT="$TMP/media" LOG_FORMAT=json LOG_LEVEL=INFO
export PAGE_FILES_DIR="$TMP/var/page-files"
export GUNICORN_WORKERS=2 GUNICORN_THREADS=4
mkdir -p "$TMP/media"
for _ in $(seq 50); do redis-cli -p "$P_REDIS" ping >/dev/null 2>&1 && break; sleep 0.1; done

step "check --deploy, migrate, collectstatic, demo, search index"
timeout 60 "$PY" manage.py check --deploy --fail-level WARNING
timeout 300 "$PY" manage.py migrate --noinput -v 0
timeout 120 "$PY" manage.py collectstatic --noinput -v 0
timeout 120 "$PY" manage.py demo --blogs 5 --posts 40 >/dev/null
timeout 60 "$PY" manage.py reindex_search >/dev/null

step "gunicorn A :$P_A and B :$P_B, the RQ worker, nginx :$P_HTTPS (https) :$P_HTTP :$P_ONION (onion)"
for port in "$P_A" "$P_B"; do
  GUNICORN_BIND="127.0.0.1:$port" GUNICORN_ACCESS_LOG="$TMP/gunicorn-$port.access.log" \
    .venv/bin/gunicorn -c deploy/gunicorn.conf.py >"$TMP/gunicorn-$port.log" 2>&1 &
  pids+=($!)
done
deploy/worker >"$TMP/worker.log" 2>&1 &
pids+=($!)

N="$TMP/nginx"
mkdir -p "$N"/{temp,snippets}
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=chaikhana.test" \
  -addext "subjectAltName=DNS:chaikhana.test" -keyout "$N/key.pem" -out "$N/cert.pem" 2>/dev/null
# deploy/nginx as shipped, with this run's ports, paths and names.
sed -e "s#server 127.0.0.1:8000 #server 127.0.0.1:$P_A #" \
    -e "/server 127.0.0.1:$P_A /a\\    server 127.0.0.1:$P_B max_fails=3 fail_timeout=10s;" \
    -e "s#listen 80;#listen 127.0.0.1:$P_HTTP;#; /listen \[::\]/d" \
    -e "s#listen 443 ssl http2;#listen 127.0.0.1:$P_HTTPS ssl http2;#" \
    -e "s#listen 127.0.0.1:8081;#listen 127.0.0.1:$P_ONION;#" \
    -e "s#chaikhana.example;#chaikhana.test;#g" \
    -e "s#/etc/letsencrypt/live/chaikhana.example/fullchain.pem#$N/cert.pem#" \
    -e "s#/etc/letsencrypt/live/chaikhana.example/privkey.pem#$N/key.pem#" \
    -e "s#[a-z2-7]\{56\}\.onion;#$ONION;#" \
    -e "s#/var/log/nginx/chaikhana.access.log#$N/access.log#" \
    -e "s#/var/www/html#$N/acme#" \
    -e "s#/etc/nginx/snippets/#$N/snippets/#" \
    deploy/nginx/chaikhana.conf >"$N/chaikhana.conf"
sed -e "s#/srv/chaikhana/app/staticfiles/#$ROOT/staticfiles/#" \
    -e "s#/srv/chaikhana/media/#$TMP/media/#" \
    -e "s#/srv/chaikhana/var/page-files/#$TMP/var/page-files/#" \
    -e "s#/etc/nginx/snippets/#$N/snippets/#" \
    deploy/nginx/chaikhana-app.conf >"$N/snippets/chaikhana-app.conf"
cp deploy/nginx/chaikhana-page-files.conf "$N/snippets/"
"$PY" manage.py page_files nginx >"$N/snippets/chaikhana-page-headers.conf"
if cat "$N/chaikhana.conf" "$N/snippets/chaikhana-app.conf" | grep -v '^\s*#' \
    | grep -n "chaikhana.example\|/srv/\|/etc/letsencrypt\|:8000\|:8081"; then
  echo "the nginx template was not fully adapted (lines above)" >&2; exit 1
fi
cat >"$N/nginx.conf" <<NGINX
$( [ "$(id -u)" = 0 ] && echo "user root;  # test harness only: workers read the checkout wherever CI cloned it" )
daemon off;
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;  # Debian: libnginx-mod-http-brotli-static
worker_processes 1;
pid $N/nginx.pid;
error_log $N/error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    client_body_temp_path $N/temp/body;
    proxy_temp_path $N/temp/proxy;
    fastcgi_temp_path $N/temp/fastcgi;
    uwsgi_temp_path $N/temp/uwsgi;
    scgi_temp_path $N/temp/scgi;
    include $N/chaikhana.conf;
}
NGINX
nginx -t -q -p "$N" -c "$N/nginx.conf" -e "$N/error.log"
nginx -p "$N" -c "$N/nginx.conf" -e "$N/error.log" &
pids+=($!)

wait_for() {  # URL, seconds
  local deadline=$(( $(date +%s) + $2 ))
  until curl -sfk -o /dev/null --max-time 2 -H "Host: 127.0.0.1" "$1"; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "$1 did not answer in $2 s" >&2; return 1; }
    sleep 0.3
  done
}
wait_for "http://127.0.0.1:$P_A/healthz" 60
wait_for "http://127.0.0.1:$P_B/healthz" 60
wait_for "https://127.0.0.1:$P_HTTPS/healthz" 20

step "reading and writing through nginx"
timeout 120 "$PY" tests/deploy/smoke_client.py --https "$P_HTTPS" --http "$P_HTTP" \
  --onion-port "$P_ONION" --onion "$ONION" --a "$P_A" --b "$P_B" --cafile "$N/cert.pem" \
  --app-logs "$TMP/gunicorn-$P_A.access.log" "$TMP/gunicorn-$P_B.access.log"

step "logs: JSON from the app, no client addresses anywhere"
grep -q . "$N/access.log" && grep -q . "$TMP/gunicorn-$P_A.access.log"
if grep -lE "\b127\.0\.0\.1\b|\b::1\b" "$N/access.log" "$TMP"/gunicorn-*.access.log; then
  echo "a client address was logged (files above)" >&2; exit 1
fi
"$PY" - "$TMP/worker.log" <<'PYEOF'
import json, sys
lines = [l for l in open(sys.argv[1]) if l.strip().startswith("{")]
assert lines, "the worker wrote no JSON log lines"
for line in lines:
    json.loads(line)
print(f"  ok  {len(lines)} JSON log lines from the worker parse")
PYEOF
stop_services

step "replica router: a second database as the replica"
psql_ -c "CREATE DATABASE $REPLICA TEMPLATE $DB"
# Redis is stopped by now: the file cache, tasks in-process, Django's test client over http.
env -u REDIS_URL DATABASE_REPLICA_URL="postgres://postgres@127.0.0.1:5432/$REPLICA" \
  ALLOWED_HOSTS=testserver SECURE_SSL_REDIRECT=off SECURE_COOKIES=off \
  TASK_BACKEND=django_tasks.backends.immediate.ImmediateBackend \
  timeout 60 "$PY" tests/deploy/replica_check.py

step "smoke test passed in $(( $(date +%s) - T0 ))s"
