"""Building a mirror into a new generation and switching to it only once it is complete.

The mirror's root holds ``gen-*`` folders and a ``current`` symlink to the complete one. A
run links the files of the current generation into a new one (hard links: no copy), renders
what may have changed, replaces files whose bytes differ (a new inode, so the old generation
keeps its own), removes what disappeared, writes and signs the manifest, then turns
``current`` in one rename. A failure half-way deletes the new folder; readers never see it.

Incremental runs ride on the page cache's generations (reading/cache/invalidation.py): a
page whose dependencies' generations are those recorded when it was written is not
rendered again; its recorded links are followed instead, so new pages are still found
through the pages that changed to list them.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.core import network_settings
from chaikhana.mirrors import conf, manifest, signing
from chaikhana.mirrors.render import Rendered, Renderer
from chaikhana.mirrors.rewrite import Rewriter, relative
from chaikhana.mirrors.scope import Scope, Target, path_form
from chaikhana.reading.cache import invalidation

# Static files, icons and pages are fetched again each run; media names never change.
IMMUTABLE = frozenset({"media"})
REDIRECT = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>→</title>'
    '<meta http-equiv="refresh" content="0; url={0}"></head>'
    '<body><p><a href="{0}">{0}</a></p></body></html>'
)


class MirrorError(Exception):
    """The run could not finish; the previous mirror is untouched. The message says why."""


@dataclass
class Report:
    generation: Path
    rendered: int = 0
    written: int = 0
    removed: int = 0
    files: int = 0
    bytes: int = 0
    seconds: float = 0.0
    written_files: list[str] = field(default_factory=list)


@dataclass
class _Run:
    root: Path
    new: Path
    previous: Path | None
    state: dict[str, Any]
    rewriter: Rewriter
    renderer: Renderer
    scope: Scope
    incremental: bool
    report: Report
    produced: dict[str, str] = field(default_factory=dict)  # file -> sha256
    pages: dict[str, Any] = field(default_factory=dict)


def build(root: Path, *, scope: Scope, live: str, full: bool = False, public: str = "") -> Report:
    """Write (or refresh) the mirror at *root*; MirrorError when it cannot. *public* is the
    address readers open the copy at, when known: its feeds' links then lead into the copy."""
    started = time.monotonic()
    root = _prepare(root)
    previous = _current(root)
    state = _load_state(root, previous) if previous else {}
    stamp = f"{network_settings.current().updated_at or ''} {public}"
    incremental = bool(previous) and not full and state.get("network") == stamp
    new = root / f"gen-{timezone.now():%Y%m%d%H%M%S}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    run = _Run(
        root=root,
        new=new,
        previous=previous,
        state=state if incremental else {},
        rewriter=Rewriter(live=live.rstrip("/"), locate=scope.locate, public=public.rstrip("/")),
        renderer=Renderer(live),
        scope=scope,
        incremental=incremental,
        report=Report(generation=new),
    )
    try:
        new.mkdir()
        if previous is not None:
            _link_tree(previous, new)
        _crawl(run)
        _remove_gone(run)
        _sign(run)
        _save_state(root, new, {"network": stamp, "pages": run.pages, "files": run.produced})
        _switch(root, new)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        _state_file(root, new).unlink(missing_ok=True)
        raise
    _prune(root, keep={new, previous})
    run.report.files = len(run.produced)
    run.report.bytes = sum(p.stat().st_size for p in new.rglob("*") if p.is_file())
    run.report.seconds = time.monotonic() - started
    return run.report


def _prepare(root: Path) -> Path:
    try:
        root.mkdir(parents=True, exist_ok=True)
        probe = root / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise MirrorError(
            _("Cannot write to %(path)s: %(error)s") % {"path": root, "error": exc.strerror}
        ) from exc
    return root.resolve()


def _current(root: Path) -> Path | None:
    link = root / conf.CURRENT
    return link.resolve() if link.is_symlink() and link.resolve().is_dir() else None


def _crawl(run: _Run) -> None:
    queue: deque[Target] = deque()
    seen: set[str] = set()
    for url in run.scope.seeds():
        if (target := run.scope.locate(url)) is not None:
            queue.append(target)
    while queue:
        target = queue.popleft()
        if target.file in seen:
            continue
        seen.add(target.file)
        for found in _visit(run, target):
            if found.file not in seen:
                queue.append(found)


def _visit(run: _Run, target: Target) -> list[Target]:
    old_files: dict[str, str] = run.state.get("files", {})
    if target.kind in IMMUTABLE and target.file in old_files and (run.new / target.file).exists():
        run.produced[target.file] = old_files[target.file]
        return []
    if target.kind in ("page", "feed") and (links := _unchanged(run, target)) is not None:
        return links
    known = run.state.get("pages", {}).get(target.url, {}).get("deps")
    gens = invalidation.ensure(known) if known else None  # read before rendering
    rendered = run.renderer.get(target)
    run.report.rendered += 1
    if rendered.status in (301, 302, 307, 308):
        return _redirect(run, target, rendered)
    if rendered.status != 200:
        return []
    body, found = rendered.body, []
    if target.kind == "feed":
        body = run.rewriter.feed(body)
    if target.kind == "page":
        page = run.rewriter.page(rendered.body.decode(), at=target)
        body, found = page.html.encode(), page.found
    _write(run, target.file, body)
    if target.kind in ("page", "feed"):
        _remember(run, target, rendered, gens, found)
    return found


def _unchanged(run: _Run, target: Target) -> list[Target] | None:
    """The links of a page whose dependencies did not move since it was written."""
    if not run.incremental:
        return None
    entry = run.state.get("pages", {}).get(target.url)
    file_hash = run.state.get("files", {}).get(target.file)
    if not entry or not entry.get("deps") or file_hash is None:
        return None
    if invalidation.current(entry["deps"]) != entry["gens"]:
        return None
    if not (run.new / target.file).exists():
        return None
    run.produced[target.file] = file_hash
    run.pages[target.url] = entry
    links = [run.scope.locate(*_split(url)) for url in entry["links"]]
    return [link for link in links if link is not None]


def _remember(
    run: _Run, target: Target, rendered: Rendered, gens: dict[str, int] | None, found: list[Target]
) -> None:
    deps = rendered.deps
    if deps and (gens is None or set(gens) != set(deps)):
        # First sight of this page: the page cache's own window (its middleware learns a
        # page's dependencies after rendering it too); a --full run closes it.
        gens = invalidation.ensure(deps)
    run.pages[target.url] = {
        "deps": deps,
        "gens": gens if deps else None,
        "links": sorted({item.url for item in found}),
    }


def _redirect(run: _Run, target: Target, rendered: Rendered) -> list[Target]:
    location = urlsplit(rendered.location)
    live = urlsplit(run.rewriter.live).netloc
    path = path_form(location.netloc, location.path, live=live, at=target.url)
    to = run.scope.locate(path, location.query) if path is not None else None
    if to is None:
        return []
    href = relative(to.file, target.file)
    _write(run, target.file, REDIRECT.format(href).encode())
    return [to]


def _split(url: str) -> tuple[str, str]:
    path, _sep, query = url.partition("?")
    return path, query


def _write(run: _Run, name: str, data: bytes) -> None:
    digest = hashlib.sha256(data).hexdigest()
    run.produced[name] = digest
    path = run.new / name
    if path.exists() and run.state.get("files", {}).get(name) == digest:
        return
    if path.exists() and manifest.sha256_file(path) == digest:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)  # a new inode: the previous generation keeps its file
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise MirrorError(
            _("Could not write %(name)s: %(error)s") % {"name": name, "error": exc.strerror}
        ) from exc
    run.report.written += 1
    run.report.written_files.append(name)


def _remove_gone(run: _Run) -> None:
    for path in sorted(run.new.rglob("*"), reverse=True):
        name = path.relative_to(run.new).as_posix()
        if path.is_file() and name not in run.produced and name not in manifest.NOT_LISTED:
            path.unlink()
            run.report.removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def _sign(run: _Run) -> None:
    data = manifest.render(run.produced)
    (run.new / conf.MANIFEST).write_bytes(data)
    key = signing.load_secret(conf.signing_key())
    comment = (
        f"chaikhana mirror {timezone.now().isoformat(timespec='seconds')} files:{len(run.produced)}"
    )
    (run.new / conf.SIGNATURE).write_text(signing.sign(key, data, trusted_comment=comment))
    (run.new / conf.PUBLIC_KEY).write_text(key.public_key().to_file())


def _link_tree(source: Path, dest: Path) -> None:
    for path in source.rglob("*"):
        target = dest / path.relative_to(source)
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(path, target)


def _switch(root: Path, new: Path) -> None:
    temporary = root / f".{conf.CURRENT}.tmp"
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(new.name)
    os.replace(temporary, root / conf.CURRENT)


def _prune(root: Path, *, keep: set[Path | None]) -> None:
    for path in root.glob("gen-*"):
        if path.resolve() not in keep:
            shutil.rmtree(path, ignore_errors=True)
            _state_file(root, path).unlink(missing_ok=True)


def _state_file(root: Path, generation: Path) -> Path:
    """What was written into *generation* and from what (outside it: not published)."""
    return root / f"{conf.STATE}.{generation.name}"


def _load_state(root: Path, generation: Path) -> dict[str, Any]:
    try:
        loaded = json.loads(_state_file(root, generation).read_text())
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _save_state(root: Path, generation: Path, state: dict[str, Any]) -> None:
    _state_file(root, generation).write_text(json.dumps(state))
