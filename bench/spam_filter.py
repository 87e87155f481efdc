#!/usr/bin/env python
"""Spam filter benchmark: train on the labelled set's training split, judge the held-out one.

Measures precision, recall and F1 of spam detection at the configured thresholds (spam when
P(spam) > SPAM_SPAM_ABOVE; "flagged" counts holds too), the confusion matrix, and the same
for the tokeniser's variants; then rewrites the "Spam filter" section of BENCHMARKS.md.
The filter's own code (tokens.tokenize, bayes.spam_probability) does the work, with the
counts in memory rather than in the database (the database path is covered by tests).

    .venv/bin/python bench/spam_filter.py
"""

from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chaikhana.settings")

import django  # noqa: E402

django.setup()

from chaikhana.comments.spam import bayes, conf  # noqa: E402
from chaikhana.comments.spam.tokens import tokenize  # noqa: E402

DATA = ROOT / "chaikhana/comments/spam/data/labelled_comments.jsonl"
REPORT = ROOT / "BENCHMARKS.md"
COMMAND = ".venv/bin/python bench/spam_filter.py"


def load() -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if r["split"] == "train"], [r for r in rows if r["split"] == "test"]


def verdict(score: float) -> str:
    if score > conf.spam_above():
        return "spam"
    return "hold" if score >= conf.approve_below() else "approve"


def evaluate(train: list[dict[str, str]], test: list[dict[str, str]], **options: object) -> dict:
    char_ngrams, top_n = bool(options["char_ngrams"]), int(str(options["top_n"]))
    corpus = bayes.MemoryCorpus()
    for row in train:
        corpus.train(tokenize(row["text"], char_ngrams=char_ngrams), is_spam=row["label"] == "spam")
    matrix = {(label, v): 0 for label in ("spam", "ham") for v in ("approve", "hold", "spam")}
    for row in test:
        score = corpus.score(tokenize(row["text"], char_ngrams=char_ngrams), top_n=top_n)
        matrix[(row["label"], verdict(score))] += 1
    return {"options": options, "matrix": matrix, **figures(matrix)}


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def figures(m: dict[tuple[str, str], int]) -> dict[str, float]:
    spam_total = sum(m[("spam", v)] for v in ("approve", "hold", "spam"))
    p, r, f = _prf(m[("spam", "spam")], m[("ham", "spam")], spam_total - m[("spam", "spam")])
    flagged_tp = m[("spam", "spam")] + m[("spam", "hold")]
    flagged_fp = m[("ham", "spam")] + m[("ham", "hold")]
    fp, fr, ff = _prf(flagged_tp, flagged_fp, m[("spam", "approve")])
    return {
        "precision": p,
        "recall": r,
        "f1": f,
        "flag_precision": fp,
        "flag_recall": fr,
        "flag_f1": ff,
    }


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    uname = subprocess.run(["uname", "-a"], capture_output=True, text=True).stdout.strip()
    cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    return f"`{uname}`; {cores} cores; {cpu}"


def section(results: list[dict], train: list, test: list) -> str:
    main = results[0]
    m = main["matrix"]
    lines = [
        "## Spam filter",
        "",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {machine()}",
        f"- Command: `{COMMAND}`",
        f"- Data: `{DATA.relative_to(ROOT)}` — {len(train)} training, {len(test)} held-out "
        f"({sum(r['label'] == 'spam' for r in test)} spam, "
        f"{sum(r['label'] == 'ham' for r in test)} ham)",
        f"- Thresholds: approve < {conf.approve_below()}, spam > {conf.spam_above()}, "
        "hold between; the Bayes score alone (no honeypot, timing, rate or blocklist signals)",
        "",
        f"Configured filter ({main['options']}): spam precision **{main['precision']:.3f}**, "
        f"recall **{main['recall']:.3f}**, F1 **{main['f1']:.3f}**; spam-or-hold "
        f"precision {main['flag_precision']:.3f}, recall {main['flag_recall']:.3f}.",
        "",
        "| actual \\ verdict | approve | hold | spam |",
        "| --- | --- | --- | --- |",
        *(
            f"| {a} | {m[(a, 'approve')]} | {m[(a, 'hold')]} | {m[(a, 'spam')]} |"
            for a in ("ham", "spam")
        ),
        "",
        "Variants (same split):",
        "",
        "| char trigrams | top-N tokens | precision | recall | F1 | ham held or spammed |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in results:
        o, mm = r["options"], r["matrix"]
        wrong = mm[("ham", "hold")] + mm[("ham", "spam")]
        lines.append(
            f"| {o['char_ngrams']} | {o['top_n']} | {r['precision']:.3f} | "
            f"{r['recall']:.3f} | {r['f1']:.3f} | {wrong} |"
        )
    return "\n".join(lines) + "\n"


def write(text: str) -> None:
    old = REPORT.read_text() if REPORT.exists() else "# Benchmarks\n\nMeasured, not estimated.\n"
    pattern = re.compile(r"^## Spam filter\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    new = (
        pattern.sub(lambda _: text + "\n", old)
        if pattern.search(old)
        else old.rstrip() + "\n\n" + text
    )
    REPORT.write_text(new)


def main() -> None:
    train, test = load()
    configured = {"char_ngrams": False, "top_n": conf.top_tokens()}
    variants = [{"char_ngrams": c, "top_n": n} for c in (True, False) for n in (15, 40, 100)]
    results = [evaluate(train, test, **configured)]
    results += [evaluate(train, test, **v) for v in variants if v != configured]
    text = section(results, train, test)
    write(text)
    print(text)


if __name__ == "__main__":
    main()
