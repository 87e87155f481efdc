"""Chaikhana: a blog network, an edited portal and a school in one Django project."""
