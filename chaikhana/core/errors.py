"""Domain errors raised by actions: a translated message and, when it has one, the field."""

from django.core.exceptions import PermissionDenied
from django.utils.functional import Promise


class ActionError(Exception):
    """An action refused: the message is for the person who asked, in their language."""

    def __init__(self, message: str | Promise, *, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field


class InvalidTransition(ActionError):
    """A state change that the object's current state does not allow."""


class RefusedWithWayOut(PermissionDenied):
    """A 403 that tells where the thing she wanted is done instead (the 403 page links it)."""

    def __init__(self, message: str | Promise, *, url: str, label: str | Promise) -> None:
        super().__init__(str(message))
        self.way_out = (url, str(label))
