"""Webhooks: signed HTTP notifications of what happens on a blog or on the network."""
