"""Two-factor authentication: TOTP (RFC 6238) devices and single-use recovery codes.

Built on django-otp; the network's staff and the portal's desk must use it
(``otp_required_for_staff``, ``devices.requires_two_factor``), everyone else may.
docs/architecture.md, "Two-factor authentication", explains the login flow.
"""
