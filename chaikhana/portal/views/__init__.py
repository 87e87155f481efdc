"""The portal's pages: the front (front.py), the editorial desk, submissions and stories."""
