"""docs/architecture.md names only what exists: module paths, settings, management commands.

A page that describes code drifts from it; this test fails the day a module is renamed, a
setting dropped or a command removed without the page following.
"""

from __future__ import annotations

import importlib
import re
from functools import cache

from django.conf import settings
from django.core.management import get_commands

from tests.architecture.conftest import REPO

DOC = REPO / "docs" / "architecture.md"
PACKAGE = REPO / "chaikhana"
APPS = {p.name for p in PACKAGE.iterdir() if (p / "apps.py").exists()}

CODE = re.compile(r"`([^`\n]+)`")
SLASH_PATH = re.compile(r"(?<![\w/@.-])chaikhana/[\w./]*\w/?")
DOTTED = re.compile(r"(?<![\w.])chaikhana(?:\.\w+)+")
# A setting looks like DEBUG_TOOLBAR_X: capitals with at least one underscore, standing alone.
SETTING = re.compile(r"(?<![\w.\"'])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?![\w.(\"'])")
COMMAND = re.compile(r"manage\.py\s+(\w+)")
# Capitalised words that are not settings: a request.META key, an on_delete policy.
NOT_SETTINGS = {"CSRF_COOKIE_NEEDS_UPDATE", "SET_NULL"}


def stale_names(text: str) -> list[str]:
    """Every module path, setting or command named in *text* that does not exist."""
    stale = [p for p in SLASH_PATH.findall(text) if not path_exists(p)]
    stale += [f"`{span}`" for span in CODE.findall(text) if not app_path_exists(span)]
    stale += [d for d in DOTTED.findall(text) if not dotted_exists(d)]
    stale += [s for s in SETTING.findall(text) if s not in known_settings() | NOT_SETTINGS]
    stale += [f"manage.py {c}" for c in COMMAND.findall(text) if c not in get_commands()]
    stale += [f"command {c}" for c in listed_commands(text) if c not in get_commands()]
    return sorted(set(stale))


def path_exists(rel: str) -> bool:
    path = REPO / rel.rstrip("/.")
    return path.exists() or path.with_suffix(".py").exists()


def app_path_exists(span: str) -> bool:
    """`blogs/actions/posts.py`, `reading/feeds/`: a path inside an app, relative to chaikhana/."""
    match = re.fullmatch(r"(\w+)/([\w./]*)", span)
    if match is None or match.group(1) not in APPS:
        return True  # not an app path (a URL, a template, a file elsewhere)
    path = PACKAGE / span.rstrip("/")
    templates = PACKAGE.glob(f"*/templates/{span.rstrip('/')}")
    return path.exists() or path.with_suffix(".py").exists() or any(templates)


def dotted_exists(name: str) -> bool:
    """chaikhana.x.y: a module, or a module's attribute (one level: chaikhana.x.signals.y)."""
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            module = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        rest = parts[cut:]
        return len(rest) <= 1 and all(hasattr(module, attr) for attr in rest)
    return False


@cache
def known_settings() -> frozenset[str]:
    """Django's settings, the environment variables settings.py reads, the apps' tunables."""
    names = {name for name in dir(settings) if name.isupper()}
    for path in PACKAGE.rglob("*.py"):
        if "tests" in path.parts:
            continue
        source = path.read_text()
        names |= set(re.findall(r"env_\w+\(\s*\"([A-Z0-9_]+)\"", source))
        names |= set(re.findall(r"getattr\(settings,\s*\"([A-Z0-9_]+)\"", source))
        names |= set(re.findall(r"os\.environ(?:\.get)?[\[(]\s*\"([A-Z0-9_]+)\"", source))
        # Tunables read through a helper: _setting("X", 1), or _get("X", 1) with f"PREFIX_{name}".
        prefixes = re.findall(r"f\"([A-Z0-9_]+)\{name\}\"", source) or [""]
        for tunable in re.findall(r"_(?:get|setting)\(\s*\"([A-Z0-9_]+)\"", source):
            names |= {prefix + tunable for prefix in prefixes}
    return frozenset(names)


def listed_commands(text: str) -> list[str]:
    """The first code span of each bullet under a heading that says "commands"."""
    found, in_list = [], False
    for line in text.splitlines():
        if line.startswith("#"):
            in_list = "commands" in line.lower()
        elif in_list and line.startswith("- ") and (span := CODE.search(line)):
            found.append(span.group(1).split()[0])
    return found


class ArchitectureDocTests:
    def test_doc_names_only_existing_modules_settings_and_commands(self):
        assert stale_names(DOC.read_text()) == []

    def test_doc_is_short_enough_to_be_read(self):
        assert len(DOC.read_text().splitlines()) <= 300

    def test_check_fails_when_the_doc_names_a_missing_module_path(self):
        text = "See `chaikhana/blogs/actions/posts/status.py` and chaikhana/blogs/nowhere.py."
        assert stale_names(text) == ["chaikhana/blogs/nowhere.py"]

    def test_check_fails_when_the_doc_names_a_missing_path_inside_an_app(self):
        text = "Feeds live in `reading/feeds/` and `reading/gone.py`; URLs like `/@b/feed/`."
        assert stale_names(text) == ["`reading/gone.py`"]

    def test_check_fails_when_the_doc_names_a_missing_dotted_module(self):
        text = "`chaikhana.accounts.signals.account_deleting`, `chaikhana.blogs.ghosts.x`."
        assert stale_names(text) == ["chaikhana.blogs.ghosts.x"]

    def test_check_fails_when_the_doc_names_a_missing_setting(self):
        text = "`MEDIA_QUOTA_MB`, `REDIS_URL` and `COURSES_OFFER_HOURS` exist; `BLOG_TURBO_MODE`."
        assert stale_names(text) == ["BLOG_TURBO_MODE"]

    def test_check_fails_when_the_doc_names_a_missing_command(self):
        text = (
            "Run `manage.py reindex_search` and `manage.py frobnicate`.\n\n"
            "## Management commands\n- `backup DIR`: a backup\n- `defrost`: nothing\n"
        )
        assert stale_names(text) == ["command defrost", "manage.py frobnicate"]
