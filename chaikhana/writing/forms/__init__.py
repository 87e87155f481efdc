"""Forms of the dashboard: they parse and validate input; actions do the writing."""
