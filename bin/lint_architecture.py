#!/usr/bin/env python
"""Architecture rules that ruff cannot see (docs/architecture.md explains each).

The dependency direction between apps is checked by import-linter (`lint-imports`, contracts
in pyproject.toml's [tool.importlinter]).

2. Views never fetch tenant rows directly (`.objects.get(`): they use access_* helpers.
3. Model.save() never sends, enqueues or fetches: no `.enqueue(`, `send_mail(`, `.send(`
   or `requests.` inside models.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "chaikhana"


def check() -> list[str]:
    problems: list[str] = []
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT)
        if len(rel.parts) < 2 or "migrations" in rel.parts:
            continue
        text = path.read_text()
        in_views = path.name == "views.py" or "views" in rel.parts
        if in_views and ".objects.get(" in text:
            problems.append(f"{rel}: .objects.get( in a view; use an access_* helper")
        if path.name == "models.py" or "models" in rel.parts:
            for bad in (".enqueue(", "send_mail(", "requests.", "urlopen("):
                if bad in text:
                    problems.append(f"{rel}: {bad} in a model; side effects belong in actions")
    return problems


if __name__ == "__main__":
    found = check()
    print("\n".join(found) or "architecture: ok")
    sys.exit(1 if found else 0)
