"""The JSON API, /api/v1/: one NinjaAPI with a router per capability, its OpenAPI 3.1 document
at /api/v1/openapi.json and Swagger UI at /api/v1/docs, served from our own static files."""

from __future__ import annotations

from ninja import NinjaAPI
from ninja.openapi.docs import Swagger

from chaikhana.api import errors
from chaikhana.api.routers import blogs, comments, courses, manage_posts, me, media, portal, terms

DESCRIPTION = """Chaikhana's blogs, portal and school for apps and scripts.

Public reads need no token. Everything else takes an application password (made on your
profile page, with scopes, blogs and an expiry) as `Authorization: Bearer <token>`.
Errors are RFC 9457 problem documents in the language of `Accept-Language` (ru, ky, en).
Lists are paged with an opaque `cursor`; follow `next`. See docs/api.md.
"""

api = NinjaAPI(
    title="Chaikhana API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    docs=Swagger(settings={"persistAuthorization": False}),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
errors.register(api)
for router in (
    blogs.router,
    comments.public,
    portal.public,
    courses.public,
    me.router,
    manage_posts.router,
    terms.router,
    media.router,
    comments.manage,
    portal.manage,
    courses.manage,
):
    api.add_router("", router)
