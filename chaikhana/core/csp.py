"""The Content-Security-Policy every page carries (django-csp), built from the settings.

Pages load scripts, styles, fonts and images from this site alone; uploaded images and sound
may also come from the S3 host the media library stores them on. Inline ``<script>`` and
``on…=`` handlers are never allowed. Inline *styles* are: the light mode inlines its whole
stylesheet (one request on a slow line), a blog's custom CSS sits in a ``<style>`` element
(checked by blogs/customcss.py) and Markdown tables align cells with ``style``. CSS cannot
run code, and with every fetching directive limited to this site it cannot send what it
sees anywhere else either. Post pages, which need no script, replace script-src with 'none'
(blogs.views.pages.post_detail).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_INLINE


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def media_origins(s3_options: dict[str, Any] | None) -> list[str]:
    """Where readers' browsers fetch uploaded files from, besides this site."""
    if not s3_options:
        return []
    if domain := s3_options.get("custom_domain"):
        return [f"https://{domain}"]
    if endpoint := s3_options.get("endpoint_url"):
        return [_origin(endpoint)]
    bucket, region = s3_options.get("bucket_name"), s3_options.get("region_name")
    origins = [f"https://{bucket}.s3.amazonaws.com"]
    return origins + ([f"https://{bucket}.s3.{region}.amazonaws.com"] if region else [])


def content_security_policy(
    *, s3_options: dict[str, Any] | None, site_url: str, blog_domain: str, onion_host: str = ""
) -> dict[str, Any]:
    """django-csp's CONTENT_SECURITY_POLICY setting."""
    media = media_origins(s3_options)
    # With blogs on subdomains, a blog's forms (follow, search, language) go to the network's
    # host, which may redirect back: form-action covers both hops (Chromium checks redirects).
    forms = [o for o in (_origin(site_url),) if o]
    for domain in (blog_domain, onion_host):
        forms += [domain, f"*.{domain}"] if domain else []
    return {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF],
            "style-src": [SELF, UNSAFE_INLINE],
            "img-src": [SELF, "data:", *media],
            "media-src": [SELF, *media],
            "object-src": [NONE],
            "base-uri": [SELF],
            "frame-ancestors": [NONE],
            "form-action": [SELF, *forms],
        }
    }


# What post pages change: they load no script at all.
POST_PAGE = {"script-src": [NONE]}
