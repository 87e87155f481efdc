"""Domain errors raised by actions: a translated message and, when it has one, the field."""

from django.utils.functional import Promise


class ActionError(Exception):
    """An action refused: the message is for the person who asked, in their language."""

    def __init__(self, message: str | Promise, *, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field


class InvalidTransition(ActionError):
    """A state change that the object's current state does not allow."""
