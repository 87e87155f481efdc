"""The import-linter contracts in pyproject.toml: each one breaks on a wrong import.

The contracts are copied onto a throwaway `chaikhana` package with the same apps, and
`lint-imports` runs on it in a subprocess (the real package is already imported here).
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.architecture.conftest import REPO, write_tree

pytest.importorskip("importlinter")

APPS = [
    "core",
    "accounts",
    "blogs",
    "writing",
    "media",
    "comments",
    "portal",
    "courses",
    "reading",
    "linkbacks",
    "porting",
    "network",
    "mirrors",
    "newsletters",
    "federation",
    "api",
    "indieauth",
    "webhooks",
]


def contracts_config() -> str:
    """pyproject's [tool.importlinter], with the project's own TODO ignores not required."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["importlinter"]
    lines = ["[importlinter]", f"root_package = {config['root_package']}"]
    for contract in config["contracts"]:
        lines += ["", f"[importlinter:contract:{contract['id']}]"]
        for key, value in contract.items():
            if key == "id":
                continue
            if isinstance(value, list):
                value = "".join(f"\n    {item}" for item in value)
            lines.append(f"{key} = {value}")
        lines.append("unmatched_ignore_imports_alerting = none")
    return "\n".join(lines) + "\n"


def lint_imports(tmp_path: Path, files: dict[str, str]) -> subprocess.CompletedProcess[str]:
    write_tree(tmp_path, {f"chaikhana/{app}/apps.py": "" for app in APPS})
    write_tree(tmp_path, files)
    (tmp_path / ".importlinter").write_text(contracts_config())
    command = "from importlinter.cli import lint_imports_command; lint_imports_command()"
    return subprocess.run(  # noqa: S603 -- our own interpreter, fixed arguments
        [sys.executable, "-c", command, "--no-cache", "--config", ".importlinter"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )


def broken(tmp_path: Path, files: dict[str, str]) -> str:
    result = lint_imports(tmp_path, files)
    assert result.returncode == 1, result.stdout + result.stderr
    return result.stdout


def kept(tmp_path: Path, files: dict[str, str]) -> None:
    result = lint_imports(tmp_path, files)
    assert result.returncode == 0, result.stdout + result.stderr


class LayersContractTests:
    def test_contracts_break_when_a_lower_app_imports_a_higher_one_inside_a_function(
        self, tmp_path
    ):
        out = broken(
            tmp_path,
            {
                "chaikhana/blogs/views.py": """
                    def home(request):
                        from chaikhana import portal
                        return portal
                """
            },
        )
        assert "chaikhana.blogs is not allowed to import chaikhana.portal" in out

    def test_contracts_break_when_an_apps_tests_import_a_higher_app(self, tmp_path):
        out = broken(
            tmp_path,
            {"chaikhana/media/tests/test_x.py": "from chaikhana.comments import apps\n"},
        )
        assert "chaikhana.media is not allowed to import chaikhana.comments" in out

    def test_contracts_keep_when_imports_go_down_the_layers_or_come_from_core_testing(
        self, tmp_path
    ):
        kept(
            tmp_path,
            {
                "chaikhana/portal/views.py": "from chaikhana.blogs import apps\n",
                "chaikhana/comments/models.py": "import chaikhana.media.apps\n",
                "chaikhana/core/testing/factories.py": "from chaikhana.portal import apps\n",
            },
        )


class CoursesContractTests:
    def test_contracts_break_when_courses_imports_blogs(self, tmp_path):
        out = broken(tmp_path, {"chaikhana/courses/views.py": "from chaikhana.blogs import apps\n"})
        assert "chaikhana.courses is not allowed to import chaikhana.blogs" in out

    def test_contracts_break_when_the_portal_imports_courses(self, tmp_path):
        out = broken(tmp_path, {"chaikhana/portal/views.py": "from chaikhana.courses import x\n"})
        assert "chaikhana.portal is not allowed to import chaikhana.courses" in out

    def test_contracts_keep_when_courses_imports_accounts_and_media(self, tmp_path):
        kept(
            tmp_path,
            {
                "chaikhana/courses/views.py": (
                    "from chaikhana.accounts import apps\nfrom chaikhana.media import apps\n"
                )
            },
        )


class ListenerContractTests:
    @pytest.mark.parametrize(
        "listener",
        ["reading", "linkbacks", "porting", "network", "mirrors", "newsletters", "federation"],
    )
    def test_contracts_break_when_an_app_imports_a_listener(self, tmp_path, listener):
        out = broken(
            tmp_path, {"chaikhana/blogs/actions.py": f"import chaikhana.{listener}.apps\n"}
        )
        assert f"chaikhana.blogs is not allowed to import chaikhana.{listener}" in out

    def test_contracts_keep_when_a_listener_imports_the_apps_it_listens_to(self, tmp_path):
        kept(
            tmp_path,
            {
                "chaikhana/reading/receivers.py": "from chaikhana.blogs import apps\n",
                "chaikhana/porting/views.py": "from chaikhana.portal import apps\n",
            },
        )


class ApiContractTests:
    @pytest.mark.parametrize("app", ["blogs", "reading", "porting"])
    def test_contracts_break_when_any_app_imports_the_api(self, tmp_path, app):
        out = broken(tmp_path, {f"chaikhana/{app}/views.py": "import chaikhana.api.apps\n"})
        assert f"chaikhana.{app} is not allowed to import chaikhana.api" in out

    def test_contracts_keep_when_the_api_imports_the_apps(self, tmp_path):
        kept(
            tmp_path,
            {
                "chaikhana/api/main.py": (
                    "from chaikhana.portal import apps\nfrom chaikhana.porting import apps\n"
                )
            },
        )
