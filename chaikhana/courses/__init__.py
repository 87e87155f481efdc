"""The school: courses, sessions, registrations, waitlists, reminders and calendars."""
