"""WSGI entry point for gunicorn: stored page files first (reading/cache/serve.py), then Django."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chaikhana.settings")
django_application = get_wsgi_application()

from chaikhana.reading.cache import serve  # noqa: E402  (needs the settings configured above)

application = serve.wrap(django_application)
