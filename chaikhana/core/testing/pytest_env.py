"""Loaded by pytest (``-p``) before Django starts: test-only environment defaults.

Tasks run immediately, the cache lives in memory and the database is SQLite in memory
unless DATABASE_URL is set (the PostgreSQL run in .ci/run sets it).
"""

import os

os.environ.setdefault("TASK_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
os.environ.setdefault("CHAIKHANA_TEST", "1")
