"""The network's XML-RPC endpoint (/xmlrpc.php): a small dispatcher with a method registry.

Other apps add their methods (WordPress, MetaWeblog APIs) with::

    from chaikhana.linkbacks.xmlrpc import register

    @register("metaWeblog.getPost")
    def get_post(request: HttpRequest, post_id: str, username: str, password: str) -> dict: ...

A method receives the request and the call's parameters; it returns a value xmlrpc.client
can marshal or raises xmlrpc.client.Fault. Wrong argument counts answer -32602.
Requests are parsed by defusedxml's expat parser: no DTDs, no entities (billion laughs).
``system.multicall`` is deliberately absent: one request, one method (WordPress's multicall
made brute-forcing passwords and pingback amplification hundreds of times cheaper).
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from typing import Any
from xml.parsers.expat import ExpatError
from xml.sax.saxutils import escape
from xmlrpc.client import Fault, ResponseError, Unmarshaller, dumps

from defusedxml import DefusedXmlException
from defusedxml.xmlrpc import DefusedExpatParser
from django.http import HttpRequest, HttpResponse

from chaikhana.core.xml import xml_safe

log = logging.getLogger(__name__)

# Fault codes from the "specification for fault code interoperability" (xmlrpc-epi).
PARSE_ERROR = -32700
METHOD_NOT_FOUND = -32601
INVALID_PARAMS = -32602
INTERNAL_ERROR = -32603

Method = Callable[..., Any]
METHODS: dict[str, Method] = {}
# The APIs a blog's RSD document names (Really Simple Discovery 1.0), preferred first.
RSD_APIS: list[str] = []


def register(name: str) -> Callable[[Method], Method]:
    """Offer *function* as XML-RPC method *name* (one registration per name)."""

    def decorator(function: Method) -> Method:
        if name in METHODS and METHODS[name] is not function:
            raise ValueError(f"XML-RPC method {name} is already registered")
        METHODS[name] = function
        return function

    return decorator


def advertise_api(name: str) -> None:
    """Name API *name* (e.g. "WordPress", "MetaWeblog") in every blog's RSD document."""
    if name not in RSD_APIS:
        RSD_APIS.append(name)


def rsd_document(*, endpoint: str, home: str, blog_id: int) -> str:
    """RSD 1.0 (cyber.harvard.edu/blogs/gems/tech/rsd.html) as WordPress's xmlrpc.php?rsd
    answers it: the engine, the blog's home page and one <api> per registered dialect."""
    apis = "".join(
        f'      <api name="{escape(name)}" blogID="{blog_id}" '
        f'preferred="{"true" if index == 0 else "false"}" apiLink="{escape(endpoint)}"/>\n'
        for index, name in enumerate(RSD_APIS)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rsd version="1.0" xmlns="http://archipelago.phrasewise.com/rsd">\n'
        "  <service>\n"
        "    <engineName>Chaikhana</engineName>\n"
        f"    <homePageLink>{escape(home)}</homePageLink>\n"
        f"    <apis>\n{apis}    </apis>\n"
        "  </service>\n"
        "</rsd>\n"
    )


def parse_call(body: bytes) -> tuple[str, tuple[Any, ...]]:
    """(method name, params) of an XML-RPC request; Fault(-32700) when it is not one."""
    unmarshaller = Unmarshaller()
    parser = DefusedExpatParser(unmarshaller, forbid_dtd=True)
    try:
        parser.feed(body)
        parser.close()
        params = unmarshaller.close()
    except (ExpatError, DefusedXmlException, ResponseError, ValueError, TypeError) as error:
        raise Fault(PARSE_ERROR, "parse error: not well-formed XML-RPC") from error
    name = unmarshaller.getmethodname()
    if not name:
        raise Fault(PARSE_ERROR, "parse error: no methodName")
    return name, params


def dispatch(request: HttpRequest, name: str, params: tuple[Any, ...]) -> Any:
    method = METHODS.get(name)
    if method is None:
        raise Fault(METHOD_NOT_FOUND, f"server error: requested method {name} not found")
    try:
        inspect.signature(method).bind(request, *params)
    except TypeError as error:
        raise Fault(INVALID_PARAMS, "server error: invalid method parameters") from error
    return method(request, *params)


def endpoint_blog(request: HttpRequest) -> str | None:
    """The blog whose address the call came to (/@<blog>/xmlrpc.php, or its own host): the
    default blog of methods that take a blog id. None at the network's /xmlrpc.php."""
    name = getattr(request, "_xmlrpc_blog", None)
    return name if isinstance(name, str) and name else None


def respond(request: HttpRequest, *, blog: str | None = None) -> HttpResponse:
    """Parse, dispatch, marshal: every outcome is an XML-RPC answer, never a 500."""
    request._xmlrpc_blog = blog  # type: ignore[attr-defined]  # read by endpoint_blog
    try:
        name, params = parse_call(request.body)
        answer = xml_safe(dispatch(request, name, params))
        body = dumps((answer,), methodresponse=True, allow_none=True)
    except Fault as fault:
        body = dumps(fault, methodresponse=True)
    except Exception:  # a method's bug must still answer in the protocol
        log.exception("XML-RPC method failed")
        body = dumps(Fault(INTERNAL_ERROR, "server error: internal error"), methodresponse=True)
    return HttpResponse(body.encode(), content_type="text/xml; charset=utf-8")


def fault_response(code: int, message: str) -> HttpResponse:
    body = dumps(Fault(code, message), methodresponse=True)
    return HttpResponse(body.encode(), content_type="text/xml; charset=utf-8")


@register("system.listMethods")
def list_methods(request: HttpRequest) -> list[str]:
    return sorted(METHODS)
