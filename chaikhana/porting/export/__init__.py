"""Exports: a blog as WordPress WXR 1.2, a person's whole data as one zip."""
