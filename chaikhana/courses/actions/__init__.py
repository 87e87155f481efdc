"""Every write to the school that has consequences goes through these functions."""

from chaikhana.courses.actions.notices import send_due_reminders, send_notice
from chaikhana.courses.actions.registration import (
    Person,
    cancel_registration,
    register,
    register_group,
    register_guest,
    withdraw_registration,
)
from chaikhana.courses.actions.sessions import cancel_session, save_session
from chaikhana.courses.actions.waitlist import confirm_offer, expire_offers, promote_from_waitlist

__all__ = [
    "Person",
    "cancel_registration",
    "cancel_session",
    "confirm_offer",
    "expire_offers",
    "promote_from_waitlist",
    "register",
    "register_group",
    "register_guest",
    "save_session",
    "send_due_reminders",
    "send_notice",
    "withdraw_registration",
]
