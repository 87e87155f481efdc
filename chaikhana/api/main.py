"""The JSON API, /api/v1/: one NinjaAPI with a router per capability, its OpenAPI 3.1 document
at /api/v1/openapi.json and Swagger UI at /api/v1/docs, served from our own static files."""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI
from ninja.openapi.docs import Swagger
from ninja.openapi.schema import OpenAPISchema
from ninja.operation import Operation
from ninja.renderers import JSONRenderer

from chaikhana.api import errors
from chaikhana.api.routers import blogs, comments, courses, manage_posts, me, media, portal, terms

DESCRIPTION = """Chaikhana's blogs, portal and school for apps and scripts.

Public reads need no token. Everything else takes an application password (made on your
profile page, with scopes, blogs and an expiry) as `Authorization: Bearer <token>`.
Errors are RFC 9457 problem documents in the language of `Accept-Language` (ru, ky, en).
Lists are paged with an opaque `cursor`; follow `next`. See docs/api.md.
"""

PROBLEM = {
    "type": "object",
    "description": "RFC 9457 problem details, in the caller's Accept-Language.",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["field", "detail"],
                "properties": {"field": {"type": "string"}, "detail": {"type": "string"}},
            },
        },
    },
}
RATE_HEADERS = {
    "RateLimit": {
        "schema": {"type": "string"},
        "description": "draft-ietf-httpapi-ratelimit-headers",
    },
    "RateLimit-Policy": {"schema": {"type": "string"}},
}


class Utf8Renderer(JSONRenderer):
    """UTF-8 as it is: Cyrillic escaped as \\uXXXX would triple the size of every answer."""

    json_dumps_params = {"ensure_ascii": False}


class ChaikhanaAPI(NinjaAPI):
    """Ninja's document, plus what every operation may answer: a problem document (4XX, 5XX)
    and a 304 to a GET whose ETag the caller holds."""

    def get_openapi_operation_id(self, operation: Operation) -> str:
        # "manage_posts_create", not "chaikhana_api_routers_manage_posts_create": generated
        # clients name their functions after these.
        view = operation.view_func
        return f"{view.__module__.rsplit('.', 1)[-1]}_{view.__name__}"

    def get_openapi_schema(self, **kwargs: Any) -> OpenAPISchema:
        schema = super().get_openapi_schema(**kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM
        problem = {
            "description": "A problem document (RFC 9457); see docs/api.md.",
            "content": {
                "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
            },
        }
        for operations in schema["paths"].values():
            for method, operation in operations.items():
                responses = operation.setdefault("responses", {})
                responses.setdefault("4XX", problem)
                if method == "get":
                    responses.setdefault("304", {"description": "Not modified (If-None-Match)."})
                for answer in responses.values():
                    answer.setdefault("headers", {}).update(RATE_HEADERS)
        return schema


api = ChaikhanaAPI(
    title="Chaikhana API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    renderer=Utf8Renderer(),
    # validatorUrl None: no badge fetched from validator.swagger.io (no third-party requests).
    docs=Swagger(settings={"persistAuthorization": False, "validatorUrl": None}),
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
