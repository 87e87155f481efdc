"""Settings for every environment, read from environment variables through chaikhana.env.

The README's configuration table lists each variable; keep the two in step.
"""

from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.translation import gettext_lazy as _
from whitenoise.compress import Compressor

from chaikhana.core.csp import content_security_policy
from chaikhana.env import env_bool, env_int, env_list, env_str, secret_key

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("CHAIKHANA_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = secret_key(BASE_DIR / ".secret_key")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# A refused form gets a page in the reader's language with a way on (core/error_pages.py).
CSRF_FAILURE_VIEW = "chaikhana.core.error_pages.csrf_failure"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_tasks",
    "django_tasks_db",
    "django_tasks_rq",
    "django_rq",
    "django_prometheus",
    "django_otp",  # two-factor authentication (accounts/twofactor): TOTP + recovery codes
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "chaikhana.core",
    "chaikhana.accounts",
    "chaikhana.blogs",
    "chaikhana.writing",
    "chaikhana.media",
    "chaikhana.comments",
    "chaikhana.reading",
    "chaikhana.linkbacks",
    "chaikhana.portal",
    "chaikhana.courses",
    "chaikhana.porting",
    "chaikhana.indieauth",
    "chaikhana.webhooks",
    "chaikhana.network",
    "chaikhana.newsletters",
    "anymail",  # webhooks for bounces and complaints; optional provider backends
    "chaikhana.mirrors",
    "chaikhana.federation",
    "chaikhana.api",  # before ninja: its templates/ninja/swagger.html replaces ninja's
    "ninja",  # only for its static files: the API docs load Swagger UI from us, not a CDN
]

MIDDLEWARE = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    # Django's SecurityMiddleware, plus the onion address (no https redirect; Onion-Location).
    "chaikhana.core.onion.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages are compressed by the app itself, so a post fits the 14 KB budget without nginx
    # (static files come precompressed from WhiteNoise, above). CSRF tokens are masked per
    # response, which is Django's answer to BREACH.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # /api/ only: token-in-query refusal, body caps, RateLimit headers, ETag/304.
    "chaikhana.api.middleware.ApiMiddleware",
    "django.middleware.common.CommonMiddleware",
    # ETags and 304s for every page, stored or fresh (reading/cache: outside the cache).
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified() (accounts/twofactor)
    "chaikhana.accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "chaikhana.blogs.middleware.BlogHostMiddleware",
    # Accept: application/activity+json on a post or blog home gets JSON, outside the cache.
    "chaikhana.federation.middleware.ActivityStreamsMiddleware",
    "chaikhana.linkbacks.middleware.EndpointHeadersMiddleware",  # Link / X-Pingback on posts
    "chaikhana.porting.doors.DoorLinksMiddleware",  # Link: micropub, IndieAuth on blog pages
    "chaikhana.porting.middleware.WordPressQueryLinksMiddleware",  # /@blog/?p=123 → 301
    # Outside the page cache, so stories served from it are counted too (no cookie, no IP).
    "chaikhana.portal.figures.counter.StoryViewCounter",
    # Last: it needs the user, the language and the blog host decided (docs/architecture.md).
    "chaikhana.reading.cache.middleware.PageCacheMiddleware",
    # Inside the page cache, so a stored page keeps the policy its view chose (core/csp.py).
    "csp.middleware.CSPMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "chaikhana.urls"
WSGI_APPLICATION = "chaikhana.wsgi.application"
ASGI_APPLICATION = "chaikhana.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "chaikhana.core.context_processors.network",
            ],
        },
    },
]

# --- Database: SQLite in WAL mode unless DATABASE_URL names another ------------------------
DATABASE_URL = env_str("DATABASE_URL")
# A connection kept between requests is checked before reuse (CONN_HEALTH_CHECKS), so after a
# database restart the next request reconnects instead of failing; a connection attempt gives up
# after DATABASE_CONNECT_TIMEOUT seconds, so an outage is a quick 503 page, not a hung worker
# (core/error_pages.py, docs/operations.md).
DATABASE_CONNECT_TIMEOUT = env_int("DATABASE_CONNECT_TIMEOUT", 3)
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    }
    if DATABASES["default"]["ENGINE"].endswith("postgresql"):
        DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = DATABASE_CONNECT_TIMEOUT
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("SQLITE_PATH", str(VAR_DIR / "chaikhana.sqlite3")),
            "OPTIONS": {
                # WAL lets the web server read while the task worker writes;
                # IMMEDIATE transactions avoid "database is locked" on upgrade to a write lock.
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
                ),
                "transaction_mode": "IMMEDIATE",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and background tasks: local by default, Redis when REDIS_URL is set ------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "chaikhana",
            # Redis gone: reads miss and writes are dropped after at most a second, so pages
            # are served uncached (docs/operations.md); rate limits decide for themselves what
            # an unknown count means (core/ratelimit.py).
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }

# Stored pages also as files nginx serves without the app (reading/cache/files.py; the deploy/
# layout sets it, deploy/nginx/chaikhana-page-files.conf reads it). Empty: only the cache above.
PAGE_FILES_DIR = env_str("PAGE_FILES_DIR", "")

TASKS = {"default": {"BACKEND": env_str("TASK_BACKEND", "django_tasks_db.DatabaseBackend")}}
if TASKS["default"]["BACKEND"] == "django_tasks_rq.RQBackend":
    # With Redis down, a task is written to the database queue instead of being lost
    # (core/task_backends.py); deploy/worker runs a db_worker for it beside rqworker.
    TASKS["default"]["BACKEND"] = "chaikhana.core.task_backends.RQBackendWithFallback"
    TASKS["fallback"] = {"BACKEND": "django_tasks_db.DatabaseBackend"}
# django_tasks_rq.RQBackend (the `rqworker` of django-rq runs it) queues in REDIS_URL's Redis.
RQ_QUEUES = {"default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0", "DEFAULT_TIMEOUT": 600}}

# --- Accounts ------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "writing:dashboard"
LOGOUT_REDIRECT_URL = "portal:home"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Chaikhana <noreply@localhost>")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Newsletters (docs/newsletters.md): the network's sending address (each blog's name is put
# before it), DKIM signing when a key is given, and the provider's webhook secret
# (django-anymail: /anymail/<provider>/tracking/, "user:password" in the webhook's URL).
NEWSLETTERS_FROM_EMAIL = env_str("NEWSLETTERS_FROM_EMAIL")
NEWSLETTERS_PER_HOUR = env_int("NEWSLETTERS_PER_HOUR", 2000)
DKIM_DOMAIN = env_str("DKIM_DOMAIN")
DKIM_SELECTOR = env_str("DKIM_SELECTOR", "chaikhana")
DKIM_PRIVATE_KEY_PATH = env_str("DKIM_PRIVATE_KEY_PATH")
ANYMAIL = {"WEBHOOK_SECRET": env_str("ANYMAIL_WEBHOOK_SECRET")} | (
    {"POSTMARK_SERVER_TOKEN": env_str("POSTMARK_SERVER_TOKEN")}
    if env_str("POSTMARK_SERVER_TOKEN")
    else {}
)

# --- Languages -----------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("ru", _("Russian")), ("ky", _("Kyrgyz")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "chaikhana" / "locale"]
USE_I18N = True
TIME_ZONE = env_str("TIME_ZONE", "Asia/Bishkek")
USE_TZ = True

# --- Static and media files ----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded imports and prepared exports: never under MEDIA_ROOT, so never behind MEDIA_URL
# (nginx and SERVE_MEDIA serve only MEDIA_ROOT); views hand them to their owner alone.
PRIVATE_ROOT = Path(env_str("PRIVATE_ROOT", str(VAR_DIR / "private")))
STORAGES["private"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": str(PRIVATE_ROOT)},
}
# "Download all my data" (porting/conf.py): zipped while she waits up to these sizes, else
# prepared by a background task into PRIVATE_ROOT.
PORTING_EXPORT_SYNC_MAX_MB = env_int("PORTING_EXPORT_SYNC_MAX_MB", 50)
PORTING_EXPORT_SYNC_MAX_POSTS = env_int("PORTING_EXPORT_SYNC_MAX_POSTS", 2000)
# The JSON API (chaikhana/api/conf.py): calls per minute per token, and per address hash.
API_TOKEN_REQUESTS_PER_MINUTE = env_int("API_TOKEN_REQUESTS_PER_MINUTE", 600)
API_ANONYMOUS_REQUESTS_PER_MINUTE = env_int("API_ANONYMOUS_REQUESTS_PER_MINUTE", 300)
# nginx serves /media/ in production (deploy/); without it the app does.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
# Form widgets through Django's Jinja2 templates (the same markup): the comment and subscription
# forms were about a fifth of an uncached post page's CPU with the Django template engine.
FORM_RENDERER = "django.forms.renderers.Jinja2"
WHITENOISE_MAX_AGE = 60 * 60  # unfingerprinted files; fingerprinted ones are immutable
# Source maps (the API docs' 2–3 MB bundles) are for a developer's tools, not readers: brotli at
# level 11 on them was most of collectstatic's half a minute, on every deploy and CI run.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (
    *Compressor.SKIP_COMPRESS_EXTENSIONS,
    "map",
)

# --- Media (chaikhana.media): limits, and S3-compatible storage when MEDIA_STORAGE=s3 ------
MEDIA_MAX_UPLOAD_MB = env_int("MEDIA_MAX_UPLOAD_MB", 20)
MEDIA_QUOTA_MB = env_int("MEDIA_QUOTA_MB", 500)
# The editor warns above this many KB for a first view on a phone (media/weight.py).
POST_WEIGHT_WARN_KB = env_int("POST_WEIGHT_WARN_KB", 500)
if env_str("MEDIA_STORAGE", "filesystem") == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("MEDIA_S3_BUCKET"),
            "endpoint_url": env_str("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": env_str("MEDIA_S3_REGION") or None,
            "access_key": env_str("MEDIA_S3_ACCESS_KEY"),
            "secret_key": env_str("MEDIA_S3_SECRET_KEY"),
            "custom_domain": env_str("MEDIA_S3_CUSTOM_DOMAIN") or None,
            # Public files under random names that never change: plain URLs, cached for a year.
            "default_acl": "public-read",
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }

# A 10 MB post must reach the form (and get a message next to the field), not a bare 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = 16 * 1024 * 1024

# How many proxies (nginx) stand in front and append to X-Forwarded-For; 0 = trust only
# REMOTE_ADDR. Used for rate limits alone (chaikhana/core/addresses.py), never stored.
TRUSTED_PROXY_HOPS = env_int("TRUSTED_PROXY_HOPS", 0)

# --- Security ------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
)

# --- The network ---------------------------------------------------------------------------
NETWORK_NAME = env_str("NETWORK_NAME", "Chaikhana")
OTP_TOTP_ISSUER = NETWORK_NAME  # the name authenticator apps show beside the code
# The network's public address (scheme, host, port) for links made without a request: mail,
# the source URLs of pingbacks and webmentions sent by tasks.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# ActivityPub for every listed blog (chaikhana/federation); off: no actors, no delivery.
FEDERATION_ENABLED = env_bool("FEDERATION_ENABLED", True)
# On: posts and collections answer only signed GETs (Mastodon's "secure mode").
FEDERATION_AUTHORIZED_FETCH = env_bool("FEDERATION_AUTHORIZED_FETCH", False)
# Akismet as a second opinion on comments (comments/spam/akismet.py); off when empty, since it
# sends commenters' text and address abroad.
AKISMET_API_KEY = env_str("AKISMET_API_KEY", "")
# "path" serves blogs at /@name/; "subdomain" at name.BLOG_DOMAIN.
BLOG_HOST_MODE = env_str("BLOG_HOST_MODE", "path")
BLOG_DOMAIN = env_str("BLOG_DOMAIN", "")
BLOGS_PER_USER = env_int("BLOGS_PER_USER", 3)
if BLOG_HOST_MODE == "subdomain" and BLOG_DOMAIN:
    # Forms on a blog's host (language switch) post to the network's host and back.
    CSRF_COOKIE_DOMAIN = SESSION_COOKIE_DOMAIN = LANGUAGE_COOKIE_DOMAIN = "." + BLOG_DOMAIN
    CSRF_TRUSTED_ORIGINS += [f"http://*.{BLOG_DOMAIN}", f"https://*.{BLOG_DOMAIN}"]

# --- Production: HTTPS, logs, metrics, Tor, a read replica (docs/deploy.md, scaling.md) -----
# Each is off by default so `make run` works on http://127.0.0.1; deploy/chaikhana.env.example
# turns them on, and `manage.py check --deploy` is then clean.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^metrics$"]  # probes on the machine speak http
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Our SecurityMiddleware subclass (chaikhana/core/onion.py) stands in for Django's.
SILENCED_SYSTEM_CHECKS = ["security.W001"]

LOG_FORMAT = env_str("LOG_FORMAT", "text")  # "json": one JSON object per line
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "chaikhana.core.logging.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            **({"formatter": "json"} if LOG_FORMAT == "json" else {}),
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# /metrics answers staff, and requests made straight from these addresses (not via nginx).
METRICS_ALLOWED = env_list("METRICS_ALLOWED", ["127.0.0.1", "::1"])

# The network's onion address (no scheme), served beside the clearnet host.
ONION_HOST = env_str("ONION_HOST", "").strip().lower().removesuffix("/")
# Static mirrors (chaikhana/mirrors, docs/mirrors.md): the Ed25519 key that signs them (made by
# manage.py mirror_keygen) and where copies bound for a bucket are built first.
MIRROR_SIGNING_KEY = env_str("MIRROR_SIGNING_KEY")
MIRRORS_ROOT = Path(env_str("MIRRORS_ROOT", str(VAR_DIR / "mirrors")))
MIRROR_S3_ENDPOINT_URL = env_str("MIRROR_S3_ENDPOINT_URL")
MIRROR_S3_REGION = env_str("MIRROR_S3_REGION")
MIRROR_S3_ACCESS_KEY = env_str("MIRROR_S3_ACCESS_KEY")
MIRROR_S3_SECRET_KEY = env_str("MIRROR_S3_SECRET_KEY")
if ONION_HOST:
    ALLOWED_HOSTS += [ONION_HOST, "." + ONION_HOST]

# --- Content-Security-Policy (django-csp; the policy and why: chaikhana/core/csp.py) -------
_S3 = STORAGES["default"]["BACKEND"].startswith("storages.backends.s3")
CONTENT_SECURITY_POLICY = content_security_policy(
    s3_options=STORAGES["default"]["OPTIONS"] if _S3 else None,
    site_url=SITE_URL,
    blog_domain=BLOG_DOMAIN if BLOG_HOST_MODE == "subdomain" else "",
    onion_host=ONION_HOST,
)

# Reads from a replica, the writer pinned to the primary for a while (core/db_router.py).
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL")
REPLICA_PIN_SECONDS = env_int("REPLICA_PIN_SECONDS", 30)
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(DATABASE_REPLICA_URL, conn_max_age=60)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["chaikhana.core.db_router.ReplicaRouter"]
    MIDDLEWARE.insert(1, "chaikhana.core.db_router.ReadYourWritesMiddleware")

# --- Tests (set by chaikhana.core.testing.pytest_env) ---------------------------------------
if env_bool("CHAIKHANA_TEST", False):
    if REDIS_URL:  # each xdist worker its own key space on the real Redis
        CACHES["default"]["KEY_PREFIX"] = "test-" + env_str("PYTEST_XDIST_WORKER", "main")
    else:
        CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    # Argon2 is deliberately slow; accounts tests switch it back on where they test it.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    MEDIA_ROOT = VAR_DIR / "test-media"
    PRIVATE_ROOT = VAR_DIR / "test-private"
    STORAGES["private"]["OPTIONS"]["location"] = str(PRIVATE_ROOT)
    WHITENOISE_USE_FINDERS = True  # serve static files without collectstatic (browser tests)
