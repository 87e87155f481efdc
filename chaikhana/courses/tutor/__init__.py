"""The tutor's side of the school: rosters, attendance, certificates, calendars, reports."""
