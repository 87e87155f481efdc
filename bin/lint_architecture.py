#!/usr/bin/env python
"""Architecture rules that ruff cannot see (docs/architecture.md explains each).

1. Dependency direction: an app imports only apps before it in LAYERS; listeners
   (reading, linkbacks, federation, network) are never imported by the apps they listen to.
2. Views never fetch tenant rows directly (`.objects.get(`): they use access_* helpers.
3. Model.save() never sends, enqueues or fetches: no `.enqueue(`, `send_mail(`, `.send(`
   or `requests.` inside models.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "chaikhana"
LAYERS = ["core", "accounts", "blogs", "media", "writing", "comments", "portal", "courses"]
LISTENERS = {"reading", "linkbacks", "federation", "network", "porting"}
# Apps that may import each listed app although it is not below them.
ALLOWED = {"courses": {"core", "accounts", "media"}}
IMPORT = re.compile(r"^\s*(?:from|import)\s+chaikhana\.(\w+)", re.MULTILINE)


def allowed_targets(app: str) -> set[str]:
    if app in ALLOWED:
        return ALLOWED[app] | {app}
    if app in LAYERS:
        return set(LAYERS[: LAYERS.index(app) + 1])
    return set(LAYERS) | LISTENERS  # listeners and project modules may import anything


def check() -> list[str]:
    problems: list[str] = []
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT)
        if len(rel.parts) < 2 or "migrations" in rel.parts:
            continue
        app, text = rel.parts[0], path.read_text()
        is_test = "tests" in rel.parts or "testing" in rel.parts
        for target in IMPORT.findall(text):
            if (
                target in set(LAYERS) | LISTENERS
                and target not in allowed_targets(app)
                and not is_test
            ):
                problems.append(f"{rel}: imports chaikhana.{target}, against the direction")
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
