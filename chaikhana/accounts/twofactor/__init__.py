"""Two-factor authentication: TOTP (RFC 6238) devices and single-use recovery codes.

Built on django-otp; the network's staff must use it (``otp_required_for_staff``), everyone
else may. docs/architecture.md, "Two-factor authentication", explains the login flow.
"""
