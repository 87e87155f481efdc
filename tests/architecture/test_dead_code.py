"""vulture with the project's settings: dead code is reported, Django's hooks are not."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tests.architecture.conftest import REPO, write_tree

vulture = pytest.importorskip("vulture")


def unused(tmp_path: Path, source: str) -> list[str]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["vulture"]
    write_tree(tmp_path, {"app/code.py": source})
    finder = vulture.Vulture(
        ignore_names=config["ignore_names"], ignore_decorators=config["ignore_decorators"]
    )
    finder.scavenge([str(tmp_path / "app")])
    return [item.name for item in finder.get_unused_code(min_confidence=config["min_confidence"])]


class DeadCodeTests:
    def test_vulture_reports_a_function_when_nothing_calls_it(self, tmp_path):
        assert unused(tmp_path, "def forgotten():\n    return 1\n") == ["forgotten"]

    def test_vulture_passes_django_hooks_when_the_framework_calls_them(self, tmp_path):
        source = """
            from django import template
            from django.db import models

            register = template.Library()

            class Note(models.Model):
                class Meta:
                    ordering = ["id"]
                    verbose_name = "note"

            @register.simple_tag
            def note_count():
                return 0

            def receiver_hook(sender, **kwargs):
                return None

            receiver_hook(None)
        """
        assert unused(tmp_path, source) == ["Note"]
