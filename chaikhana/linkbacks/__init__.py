"""Pingbacks and webmentions, received and sent: untrusted input from other sites."""
