"""A Micropub request as one shape, whatever its encoding (§3.3 form, §3.4 JSON, §3.5
multipart): the token, the action, and the properties as lists of values."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest
from django.utils.translation import gettext as _

from chaikhana.porting.api.micropub.errors import MicropubError, invalid

# Form fields that are not properties of the post (§3.3: "access_token" is reserved).
RESERVED = {"h", "access_token", "action", "url"}


@dataclass
class MicropubRequest:
    token: str
    action: str = "create"
    url: str = ""
    type: str = "h-entry"
    properties: dict[str, list[Any]] = field(default_factory=dict)
    commands: dict[str, list[Any]] = field(default_factory=dict)  # mp-* (§3.3.1)
    update: dict[str, Any] = field(default_factory=dict)  # replace / add / delete
    files: dict[str, list[UploadedFile]] = field(default_factory=dict)


def bearer_token(request: HttpRequest, body_token: str | None) -> str:
    """§4.1/RFC 6750: in the header or the form body, never both (that is a 400).

    Never in the address (RFC 6750 §2.3 allows it, §5.3 advises against it): an address is
    written to access logs, proxies' logs and browser histories, and the token is an
    application password. Refused even beside a valid header, so no client keeps sending it.
    """
    if "access_token" in request.GET:
        raise MicropubError(
            401,
            "unauthorized",
            _(
                "Send the access token in the Authorization header (“Bearer …”) or in the "
                "form body of a POST, never in the address: addresses are written to logs."
            ),
        )
    header = str(request.META.get("HTTP_AUTHORIZATION", ""))
    scheme, _sep, credentials = header.partition(" ")
    has_header = bool(header)
    if has_header and body_token is not None:
        raise invalid(_("Send the access token in the header or in the body, not both."))
    if has_header:
        if scheme.lower() != "bearer" or not credentials.strip():
            raise MicropubError(401, "unauthorized", _("The access token is missing."))
        return credentials.strip()
    if not body_token:
        raise MicropubError(401, "unauthorized", _("The access token is missing."))
    return body_token


def _from_json(request: HttpRequest) -> MicropubRequest:
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError) as error:
        raise invalid(_("The body is not valid JSON.")) from error
    if not isinstance(data, dict):
        raise invalid(_("The body must be a JSON object."))
    result = MicropubRequest(token=bearer_token(request, None))
    result.action = str(data.get("action") or "create")
    result.url = str(data.get("url") or "")
    if result.action == "create":
        kinds = data.get("type")
        properties = data.get("properties")
        if not isinstance(kinds, list) or not kinds or not isinstance(properties, dict):
            raise invalid(_("A new post needs a type and properties."))
        result.type = str(kinds[0])
        for name, values in properties.items():
            if not isinstance(values, list):
                raise invalid(_("Every property must be a list of values."))
            target = result.commands if name.startswith("mp-") else result.properties
            target[name] = values
    result.update = {key: data[key] for key in ("replace", "add", "delete") if key in data}
    return result


def _from_form(request: HttpRequest) -> MicropubRequest:
    form = request.POST
    result = MicropubRequest(token=bearer_token(request, form.get("access_token")))
    result.action = form.get("action") or "create"
    result.url = form.get("url", "")
    result.type = "h-" + form.get("h", "entry")
    for key in form:
        name = key.removesuffix("[]")
        if name in RESERVED:
            continue
        target = result.commands if name.startswith("mp-") else result.properties
        target.setdefault(name, []).extend(form.getlist(key))
    for key in request.FILES:
        result.files.setdefault(key.removesuffix("[]"), []).extend(request.FILES.getlist(key))
    return result


def parse(request: HttpRequest) -> MicropubRequest:
    if request.content_type == "application/json":
        return _from_json(request)
    return _from_form(request)
