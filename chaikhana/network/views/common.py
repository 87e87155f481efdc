"""What every staff form view does after an action: a message, or the action's refusal."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest

from chaikhana.core.errors import ActionError


def run(request: HttpRequest, act: Callable[[], object], done: str) -> bool:
    """Call *act*; say *done*, or the action's reason for refusing. True when it ran."""
    try:
        act()
    except ActionError as err:
        messages.error(request, str(err.message))
        return False
    messages.success(request, done)
    return True
