"""The one error a backup or a restore raises: its message is shown to the administrator as is."""


class BackupError(Exception):
    """A backup or restore refused or failed; ``str()`` says what and, where it can, why."""
