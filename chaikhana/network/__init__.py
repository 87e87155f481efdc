"""Network administration: the staff's dashboard, audit log, users, blogs and settings."""
