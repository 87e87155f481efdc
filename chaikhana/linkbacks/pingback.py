"""Pingback 1.0, receiving: the pingback.ping method of our XML-RPC endpoint.

Verification is asynchronous, so the synchronous answer can only report what is known
without fetching. The spec allows it: "If the pingback request is successful, then the
return value MUST be a single string, containing as much information as the server deems
useful." We answer success ("queued") for well-formed calls to a target of ours; a source
that does not exist (0x0010) or does not link (0x0011) is rejected later by the task, and
the mention never shows. 0x0032 (upstream error) is likewise only ever found by the task.
"""

from __future__ import annotations

from typing import Any
from xmlrpc.client import Fault

from django.http import HttpRequest
from django.utils.translation import gettext as _

from chaikhana.linkbacks import throttle
from chaikhana.linkbacks.actions import AlreadyRegistered, register_pingback
from chaikhana.linkbacks.targets import is_http_url, post_address, public_post
from chaikhana.linkbacks.verify import same_url
from chaikhana.linkbacks.xmlrpc import INVALID_PARAMS, register

GENERIC = 0
SOURCE_DOES_NOT_EXIST = 0x0010
TARGET_DOES_NOT_EXIST = 0x0020
TARGET_CANNOT_BE_USED = 0x0021
ALREADY_REGISTERED = 0x0030
ACCESS_DENIED = 0x0031


@register("pingback.ping")
def ping(request: HttpRequest, source_uri: Any, target_uri: Any) -> str:
    """pingback.ping(sourceURI, targetURI): check what we can now, verify later."""
    if not isinstance(source_uri, str) or not isinstance(target_uri, str):
        raise Fault(INVALID_PARAMS, "server error: invalid method parameters")
    source, target = source_uri.strip(), target_uri.strip()
    if not is_http_url(source):
        raise Fault(SOURCE_DOES_NOT_EXIST, _("The source URI does not exist."))
    address = post_address(target)
    if address is None:
        raise Fault(TARGET_CANNOT_BE_USED, _("The target URI cannot be used as a target."))
    post = public_post(address)
    if post is None:  # private and draft posts are as absent as missing ones
        raise Fault(TARGET_DOES_NOT_EXIST, _("The target URI does not exist."))
    if same_url(source, target):
        raise Fault(GENERIC, _("A page cannot ping itself."))
    if not throttle.allow(source):
        raise Fault(ACCESS_DENIED, _("Too many pingbacks from this site; try again later."))
    try:
        register_pingback(post=post, source=source, target=target)
    except AlreadyRegistered as error:
        raise Fault(ALREADY_REGISTERED, str(error.message)) from error
    return _("Pingback received; it will be shown once the source is verified.")
