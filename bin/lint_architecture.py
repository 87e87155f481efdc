#!/usr/bin/env python
"""Architecture rules that ruff cannot see, read from the syntax tree (docs/architecture.md).

The dependency direction between apps is import-linter's job (`lint-imports`, contracts in
pyproject.toml). This script checks what an import graph cannot:

- view-fetch: views never fetch a tenant model (one with a `blog` foreign key) straight from
  its manager (`Post.objects.get(...)`, `.select_related(...).filter(...)`,
  `get_object_or_404(Post, ...)`): they go through an access_* helper or one of the project's
  QuerySet methods (`for_blog`, `readable_by`, …), so no page can serve another blog's rows.
- model-side-effect: a models module never sends, enqueues or fetches: no `.enqueue(`,
  `send_mail`, a signal's `.send(`/`.send_robust(`, `requests.`, `urlopen`, `safehttp.`.
  Side effects belong in actions, after commit.
- post-write: only blogs' post actions write `Post`: no `Post(...)`, `Post.objects.create`
  (and bulk_create, get_or_create, update_or_create, bulk_update), `Post.objects…update(` or
  `…delete(`, nor `post.save(`/`post.delete(` elsewhere.

Known violations being fixed are listed in bin/architecture_allowlist.txt as
`rule path  # why`; an entry that no longer matches anything is itself reported, so the list
only shrinks. Usage: `python bin/lint_architecture.py [ROOT]` (ROOT defaults to chaikhana/).
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ALLOWLIST = REPO / "bin" / "architecture_allowlist.txt"

FETCHES = {"get", "filter"}
SIDE_EFFECT_METHODS = {"enqueue", "send", "send_robust"}
SIDE_EFFECT_FUNCTIONS = {"send_mail", "send_mass_mail", "urlopen"}
SIDE_EFFECT_MODULES = {"requests", "safehttp", "urllib"}
POST_MANAGER_WRITES = {"create", "bulk_create", "get_or_create", "update_or_create", "bulk_update"}
POST_QUERYSET_WRITES = {"update", "delete"}
# Where Post may be written: its actions, its migrations, and test code.
POST_WRITERS = ("blogs/actions/", "blogs/migrations/")


@dataclass(frozen=True)
class Problem:
    rule: str
    path: str  # relative to the root's parent, e.g. chaikhana/blogs/views/posts.py
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: [{self.rule}] {self.message}"


def python_files(root: Path) -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root.parent).as_posix()
        yield rel, ast.parse(path.read_text(), filename=rel)


def is_test(rel: str) -> bool:
    parts = rel.split("/")
    return "tests" in parts or "testing" in parts or parts[-1].startswith("test_")


def is_models(rel: str) -> bool:
    parts = rel.split("/")
    return parts[-1] == "models.py" or "models" in parts[:-1]


def is_view(rel: str) -> bool:
    parts = rel.split("/")
    return "views" in parts[-1] or "views" in parts[:-1]


def dotted(rel: str) -> str:
    """chaikhana/blogs/models/post.py -> chaikhana.blogs.models.post (packages lose __init__)."""
    parts = rel.removesuffix(".py").split("/")
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def models_package(module: str) -> str:
    """chaikhana.blogs.models.post -> chaikhana.blogs.models: where a model is imported from."""
    parts = module.split(".")
    return ".".join(parts[: parts.index("models") + 1]) if "models" in parts else module


def tenant_models(modules: dict[str, ast.Module]) -> set[tuple[str, str]]:
    """(models package, class name) of every model with a `blog` ForeignKey/OneToOneField."""
    found = set()
    for rel, tree in modules.items():
        if not is_models(rel) or is_test(rel):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and any(
                _assigns_blog_relation(stmt) for stmt in node.body
            ):
                found.add((models_package(dotted(rel)), node.name))
    return found


def imported_names(rel: str, tree: ast.Module) -> dict[str, tuple[str, str]]:
    """Local name -> (models package it comes from, original name), relative imports resolved."""
    package = dotted(rel) if rel.endswith("__init__.py") else dotted(rel).rpartition(".")[0]
    names = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            module = ".".join(base + ([node.module] if node.module else []))
        else:
            module = node.module or ""
        for alias in node.names:
            names[alias.asname or alias.name] = (models_package(module), alias.name)
    return names


def _assigns_blog_relation(stmt: ast.stmt) -> bool:
    if isinstance(stmt, ast.Assign):
        targets, value = stmt.targets, stmt.value
    elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
        targets, value = [stmt.target], stmt.value
    else:
        return False
    named_blog = any(isinstance(t, ast.Name) and t.id == "blog" for t in targets)
    return (
        named_blog
        and isinstance(value, ast.Call)
        and _name(value.func) in {"ForeignKey", "OneToOneField"}
    )


def _name(node: ast.expr) -> str | None:
    """`x` for Name x, the last attribute for a.b.x."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _manager_of(node: ast.expr) -> str | None:
    """For `Model.objects`, the model's name."""
    if (
        isinstance(node, ast.Attribute)
        and node.attr == "objects"
        and isinstance(node.value, ast.Name)
    ):
        return node.value.id
    return None


def _chain_root_manager(node: ast.expr) -> str | None:
    """For `Model.objects.a(...).b(...)`, the model's name (walks down calls and attributes)."""
    while True:
        if (model := _manager_of(node)) is not None:
            return model
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            node = node.value
        else:
            return None


def _calls(tree: ast.Module) -> Iterator[ast.Call]:
    return (node for node in ast.walk(tree) if isinstance(node, ast.Call))


def named_reads(modules: dict[str, ast.Module]) -> set[str]:
    """Methods of the project's QuerySets and Managers (`for_blog`, `readable_by`, …)."""
    found = set()
    for rel, tree in modules.items():
        if not is_models(rel) or is_test(rel):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name.endswith(("QuerySet", "Manager")):
                found |= {f.name for f in node.body if isinstance(f, ast.FunctionDef)}
    return found


def _chain(node: ast.expr) -> tuple[str | None, list[str]]:
    """For `Model.objects.a(...).b(...)`: ("Model", ["a", "b"]); (None, []) otherwise."""
    methods: list[str] = []
    while (model := _manager_of(node)) is None:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            methods.append(node.func.attr)
            node = node.func.value
        else:
            return None, []
    return model, methods[::-1]


def check_view_fetches(
    rel: str, tree: ast.Module, tenants: set[tuple[str, str]], reads: set[str]
) -> Iterator[Problem]:
    names = imported_names(rel, tree)

    def problem(call: ast.Call, what: str) -> Problem:
        return Problem(
            "view-fetch",
            rel,
            call.lineno,
            f"{what} in a view; use an access_* helper or a QuerySet method that says "
            "what it selects (for_blog, readable_by, …)",
        )

    seen: set[int] = set()
    for call in _calls(tree):
        func = call.func
        if _name(func) in {"get_object_or_404", "get_list_or_404"} and call.args:
            first = call.args[0]
            if isinstance(first, ast.Name) and names.get(first.id) in tenants:
                yield problem(call, f"{_name(func)}({first.id}, …)")
        if not (isinstance(func, ast.Attribute) and func.attr in FETCHES):
            continue
        model, methods = _chain(call)
        if model is None or names.get(model) not in tenants or call.lineno in seen:
            continue
        # Django's own methods on the way (select_related, order_by) scope nothing.
        if not any(method in reads for method in methods[:-1]):
            seen.add(call.lineno)
            yield problem(call, f"{model}.objects…{func.attr}()")


def check_model_side_effects(rel: str, tree: ast.Module) -> Iterator[Problem]:
    def problem(node: ast.AST, what: str) -> Problem:
        return Problem(
            "model-side-effect",
            rel,
            getattr(node, "lineno", 0),
            f"{what} in a models module; send, enqueue and fetch from an action, after commit",
        )

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in SIDE_EFFECT_METHODS:
                yield problem(node, f".{func.attr}()")
            elif _name(func) in SIDE_EFFECT_FUNCTIONS:
                yield problem(node, f"{_name(func)}()")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id in SIDE_EFFECT_MODULES:
                yield problem(node, f"{node.value.id}.{node.attr}")
        elif isinstance(node, ast.ImportFrom) and node.module:
            last = node.module.rsplit(".", 1)[-1]
            if last in SIDE_EFFECT_MODULES or node.module.startswith("urllib.request"):
                yield problem(node, f"an import from {node.module}")
            elif found := {a.name for a in node.names} & SIDE_EFFECT_FUNCTIONS:
                yield problem(node, f"importing {', '.join(sorted(found))}")


def check_post_writes(rel: str, tree: ast.Module) -> Iterator[Problem]:
    inside = rel.split("/", 1)[-1]
    if inside.startswith(POST_WRITERS) or is_test(rel):
        return

    def problem(node: ast.AST, what: str) -> Problem:
        return Problem(
            "post-write",
            rel,
            getattr(node, "lineno", 0),
            f"{what} outside blogs' post actions; call create_post/edit_post/… instead",
        )

    # `from chaikhana.blogs.models import Post as P` writes Post all the same.
    posts = {"Post"} | {
        local for local, (_, original) in imported_names(rel, tree).items() if original == "Post"
    }
    for call in _calls(tree):
        func = call.func
        if isinstance(func, ast.Name) and func.id in posts:
            yield problem(call, "Post(...)")
        if not isinstance(func, ast.Attribute):
            continue
        if _manager_of(func.value) in posts and func.attr in POST_MANAGER_WRITES:
            yield problem(call, f"Post.objects.{func.attr}()")
        elif func.attr in POST_QUERYSET_WRITES and _chain_root_manager(func.value) in posts:
            yield problem(call, f"Post.objects….{func.attr}()")
        elif func.attr in {"save", "delete"} and _looks_like_a_post(func.value):
            yield problem(call, f".{func.attr}() on a post")


def _looks_like_a_post(node: ast.expr) -> bool:
    """Pragmatic: a name or attribute called post, story or *_post."""
    name = _name(node)
    return name is not None and (name in {"post", "story"} or name.endswith("_post"))


def check(root: Path) -> list[Problem]:
    modules = {rel: tree for rel, tree in python_files(root) if "migrations" not in rel.split("/")}
    tenants, reads = tenant_models(modules), named_reads(modules)
    problems: list[Problem] = []
    for rel, tree in modules.items():
        if is_view(rel) and not is_test(rel):
            problems += check_view_fetches(rel, tree, tenants, reads)
        if is_models(rel) and not is_test(rel):
            problems += check_model_side_effects(rel, tree)
        problems += check_post_writes(rel, tree)
    return problems


def read_allowlist(path: Path) -> set[tuple[str, str]]:
    """`rule path  # why` lines; blank lines and comment lines are skipped."""
    entries = set()
    if path.exists():
        for line in path.read_text().splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                rule, rel = line.split()
                entries.add((rule, rel))
    return entries


def apply_allowlist(problems: list[Problem], allowed: set[tuple[str, str]]) -> list[str]:
    """The problems not allowed, then one line per allow-list entry that matched nothing."""
    used = {(p.rule, p.path) for p in problems} & allowed
    report = [str(p) for p in problems if (p.rule, p.path) not in allowed]
    report += [
        f"{ALLOWLIST.name}: '{rule} {rel}' matches nothing any more; remove the line"
        for rule, rel in sorted(allowed - used)
    ]
    return report


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else REPO / "chaikhana"
    allowlist = Path(argv[2]) if len(argv) > 2 else ALLOWLIST
    report = apply_allowlist(check(root.resolve()), read_allowlist(allowlist))
    print("\n".join(report) or "architecture: ok")
    return 1 if report else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
