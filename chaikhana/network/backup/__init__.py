"""Backups of a whole installation (database + media + manifest) and their restore.

``create_backup`` and ``restore_backup`` are the two entry points; the ``backup`` and
``restore`` management commands are thin wrappers. docs/architecture.md ("Backups") has
the format and the guarantees.
"""
