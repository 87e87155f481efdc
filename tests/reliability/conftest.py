"""Fixtures for the reliability drills: a seeded network built once per session, copied
fresh for each drill, on SQLite (default) or a private PostgreSQL cluster
(DRILL_DATABASE=postgres). Every test in this folder is marked ``drill``.

DRILL_REPEATS sets how many times each fault is repeated (CI default: small; bench/drills: 50).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reliability.stack import PrivatePostgres, Stack, private_postgres

HERE = Path(__file__).resolve().parent
REPEATS = int(os.environ.get("DRILL_REPEATS") or 3)
DATABASE = os.environ.get("DRILL_DATABASE", "sqlite")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test under tests/reliability ``drill`` before ``-m`` deselects anything."""
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.drill)


@pytest.fixture(scope="session")
def drill_cluster() -> Iterator[PrivatePostgres | None]:
    if DATABASE != "postgres":
        yield None
        return
    with private_postgres() as cluster:
        yield cluster


@pytest.fixture(scope="session")
def seeded(drill_cluster: PrivatePostgres | None) -> Iterator[tuple[Stack, dict]]:
    """The demo network, loaded once; drills copy it (a file copy or a template database)."""
    keep = os.environ.get("DRILL_SEED_DIR")  # reuse a seed between runs (SQLite only)
    if keep and not drill_cluster and (Path(keep) / "facts.json").exists():
        yield Stack(Path(keep)), json.loads((Path(keep) / "facts.json").read_text())
        return
    with tempfile.TemporaryDirectory(prefix="drill-seed-") as tmp:
        url = drill_cluster.create_database("drill_seed") if drill_cluster else None
        stack = Stack(Path(keep or tmp), database_url=url)
        stack.var_dir.mkdir(parents=True, exist_ok=True)
        out = stack.python("from tests.reliability.network import seed; seed()")
        facts = json.loads(out.strip().splitlines()[-1])
        if not drill_cluster:
            with sqlite3.connect(stack.sqlite_path) as db:
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            (stack.var_dir / "facts.json").write_text(json.dumps(facts))
        yield stack, facts


@pytest.fixture
def stack(seeded: tuple[Stack, dict], drill_cluster: PrivatePostgres | None) -> Iterator[Stack]:
    """A fresh copy of the seeded network in its own var dir, removed afterwards."""
    seed, _ = seeded
    with tempfile.TemporaryDirectory(prefix="drill-") as tmp:
        var = Path(tmp)
        if drill_cluster:
            name = f"drill_{uuid.uuid4().hex[:8]}"
            url = drill_cluster.create_database(name, template="drill_seed")
            yield Stack(var, database_url=url)
        else:
            shutil.copy(seed.sqlite_path, var / "bench.sqlite3")
            for sub in ("media", "cache"):
                if (seed.var_dir / sub).exists():
                    shutil.copytree(seed.var_dir / sub, var / sub)
            yield Stack(var)


@pytest.fixture
def facts(seeded: tuple[Stack, dict]) -> dict:
    return seeded[1]
