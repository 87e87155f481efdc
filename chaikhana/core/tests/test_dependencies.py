"""Every package the code imports is declared in pyproject.toml, not only pulled in by another."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _name(requirement: str) -> str:
    """The distribution's normalised name (PEP 503) from a requirement string."""
    return re.sub(r"[-_.]+", "-", re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0]).lower()


def _declared() -> tuple[set[str], set[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    dev = project["optional-dependencies"]["dev"]
    return {_name(r) for r in project["dependencies"]}, {_name(r) for r in dev}


def _is_test(path: Path) -> bool:
    parts = path.relative_to(ROOT).parts
    return "tests" in parts or "testing" in parts or path.name == "conftest.py"


def _imports(paths: list[Path]) -> set[str]:
    found: set[str] = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module.split(".")[0])
    # bench/: our own benchmark helpers, which the fault drills (tests/reliability) reuse.
    return found - set(sys.stdlib_module_names) - {"chaikhana", "tests", "bench", "__future__"}


def _undeclared(modules: set[str], declared: set[str]) -> set[str]:
    owners = packages_distributions()
    return {m for m in modules if not {_name(d) for d in owners.get(m, [m])} & declared}


class DeclaredDependencyTests:
    def test_product_imports_only_declared_packages_when_it_imports_a_package(self):
        product = [p for p in (ROOT / "chaikhana").rglob("*.py") if not _is_test(p)]
        assert _undeclared(_imports(product), _declared()[0]) == set()

    def test_tests_import_only_declared_packages_when_they_import_a_package(self):
        tests = [p for p in (ROOT / "chaikhana").rglob("*.py") if _is_test(p)]
        tests += [*(ROOT / "tests").rglob("*.py"), ROOT / "conftest.py"]
        assert _undeclared(_imports(tests), set.union(*_declared())) == set()
