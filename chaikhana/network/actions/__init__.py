"""Every write the network's staff make goes through these functions, each one audited."""

from chaikhana.network.actions.audit import audit

__all__ = ["audit"]
