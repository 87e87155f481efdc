"""Every write of the mirrors app."""
