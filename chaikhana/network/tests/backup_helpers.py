"""Helpers for the backup tests: a whole installation's rows and files, here or in a subprocess.

``python -m chaikhana.network.tests.backup_helpers`` prints the same snapshot for the
installation its environment points at, so a restore made in another process can be
compared with the original row by row and file by file.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]


def rows() -> dict[str, Any]:
    """Every row of every model with a table here, serialised, in primary-key order."""
    tables = set(connection.introspection.table_names())
    snapshot = {}
    for model in apps.get_models():
        meta = model._meta
        if meta.managed and not meta.proxy and meta.db_table in tables:
            queryset = model._default_manager.order_by("pk")
            snapshot[meta.label] = json.loads(serializers.serialize("json", queryset))
    return snapshot


def files(root: Path) -> dict[str, str]:
    """SHA-256 of every file under *root*, by relative path."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def installation() -> dict[str, Any]:
    return {"rows": rows(), "files": files(Path(settings.MEDIA_ROOT))}


def site_env(var_dir: Path, database_url: str = "") -> dict[str, str]:
    """The environment of a separate installation living in *var_dir*."""
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env |= {"CHAIKHANA_VAR_DIR": str(var_dir), "SQLITE_PATH": str(var_dir / "site.sqlite3")}
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def run(env: dict[str, str], *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *arguments], cwd=ROOT, env=env, capture_output=True, text=True
    )


def manage(env: dict[str, str], *arguments: str) -> subprocess.CompletedProcess[str]:
    return run(env, "manage.py", *arguments)


def installation_of(env: dict[str, str]) -> dict[str, Any]:
    result = run(env, "-m", "chaikhana.network.tests.backup_helpers")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chaikhana.settings")
    django.setup()
    json.dump(installation(), sys.stdout)
