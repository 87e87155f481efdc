"""``{% editor_checks text %}``: media's warnings above the editor (no description, weight)."""

from __future__ import annotations

from typing import Any

from django import template

from chaikhana.media.checks import check_text

register = template.Library()


@register.inclusion_tag("media/_editor_checks.html")
def editor_checks(text: Any) -> dict[str, Any]:
    checks = check_text(str(text or ""))
    return {"warnings": checks.warnings(), "weight": checks.weight}
