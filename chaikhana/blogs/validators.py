"""Rules for blog addresses."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

BLOG_NAME_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")

# Names that would shadow a part of the site, mislead readers, or a subdomain we need.
RESERVED_BLOG_NAMES = frozenset(
    {
        "about",
        "abuse",
        "accounts",
        "admin",
        "administrator",
        "api",
        "app",
        "assets",
        "auth",
        "billing",
        "blog",
        "blogs",
        "cdn",
        "chaikhana",
        "contact",
        "courses",
        "css",
        "dashboard",
        "demo-admin",
        "dev",
        "docs",
        "editor",
        "editors",
        "feed",
        "feeds",
        "ftp",
        "healthz",
        "help",
        "imap",
        "img",
        "info",
        "js",
        "login",
        "logout",
        "mail",
        "media",
        "metrics",
        "network",
        "news",
        "official",
        "portal",
        "postmaster",
        "root",
        "rss",
        "search",
        "security",
        "settings",
        "signup",
        "smtp",
        "ssl",
        "staff",
        "static",
        "status",
        "support",
        "system",
        "test",
        "tor",
        "webmaster",
        "wellknown",
        "www",
        "xmlrpc",
    }
)


def validate_blog_name(value: str) -> None:
    if not 2 <= len(value) <= 40:
        raise ValidationError(_("A blog address has 2 to 40 characters."), code="length")
    if not BLOG_NAME_RE.match(value) or "--" in value:
        raise ValidationError(
            _(
                "Use lowercase latin letters, digits and single hyphens, "
                "not at the start or the end."
            ),
            code="invalid",
        )
    if value in RESERVED_BLOG_NAMES:
        raise ValidationError(
            _("“%(name)s” is reserved for the network. Please choose another address."),
            code="reserved",
            params={"name": value},
        )
