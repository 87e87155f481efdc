"""Abuse reports: readers flag a post or a comment; staff hide, dismiss or suspend the author."""
