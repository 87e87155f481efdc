"""Sending: tell the pages a post links to (Webmention §3.1, else Pingback 1.0).

Which links to notify is decided in one place (links_to_notify); each target is then
notified in its own task so one slow site never holds up the others.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urldefrag, urlencode
from xml.parsers.expat import ExpatError
from xmlrpc.client import Fault, Unmarshaller, dumps

from bs4 import BeautifulSoup
from defusedxml import DefusedXmlException
from defusedxml.xmlrpc import DefusedExpatParser
from django.db import transaction
from django.utils import timezone

from chaikhana.blogs.models import Post
from chaikhana.core import safehttp
from chaikhana.linkbacks.discovery import Endpoint, discover
from chaikhana.linkbacks.models import OutgoingLink
from chaikhana.linkbacks.targets import is_http_url, post_address

UPSTREAM_ERROR = 0x0032  # Pingback 1.0: "upstream server error", worth a retry


class TransientError(Exception):
    """Worth trying again later (network trouble, a 5xx)."""


def links_in(html: str) -> list[str]:
    """Absolute http(s) links of a post body, in order, without fragments or repeats."""
    soup = BeautifulSoup(html, "html.parser")
    urls = (urldefrag(str(a["href"]).strip())[0] for a in soup.find_all("a", href=True))
    return list(dict.fromkeys(url for url in urls if is_http_url(url)))


@transaction.atomic
def links_to_notify(*, post: Post) -> list[str]:
    """Current links plus, once, the links removed since the last send (§3.1.3)."""
    linked = links_in(post.body_html) if post.is_public else []
    current = [url for url in linked if _may_notify(post, url)]
    removed = list(
        OutgoingLink.objects.filter(post=post)
        .exclude(target_url__in=current)
        .exclude(status=OutgoingLink.Status.REMOVED)
        .values_list("target_url", flat=True)
    )
    return current + removed


def _may_notify(post: Post, target: str) -> bool:
    # A portal story never notifies a post of this network: its mention would print the
    # story under that post, joining a pseudonymous story to the writer's own post (the
    # portal links a story to its source itself, and only when the byline is no pseudonym).
    return not (post.blog.is_editorial and post_address(target) is not None)


def notify(*, post: Post, target: str, source: str) -> OutgoingLink:
    """Discover *target*'s endpoint and send; record the outcome. TransientError to retry."""
    try:
        page = safehttp.fetch(target)
    except safehttp.UnsafeURL:
        return _record(post, target, None, OutgoingLink.Status.NO_ENDPOINT)
    except safehttp.FetchError as error:
        raise TransientError(str(error)) from error
    endpoint = discover(page)
    if endpoint is None:
        return _record(post, target, None, OutgoingLink.Status.NO_ENDPOINT)
    try:
        _send(endpoint, source=source, target=target)
    except safehttp.UnsafeURL:  # §4: an endpoint on a private or loopback address
        return _record(post, target, None, OutgoingLink.Status.NO_ENDPOINT)
    return _record(post, target, endpoint, OutgoingLink.Status.SENT)


def _record(post: Post, target: str, endpoint: Endpoint | None, status: str) -> OutgoingLink:
    still_linked = post.is_public and target in links_in(post.body_html)
    if not still_linked and status == OutgoingLink.Status.SENT:
        status = OutgoingLink.Status.REMOVED  # told once that the link is gone
    link, _created = OutgoingLink.objects.update_or_create(
        post=post,
        target_url=target,
        defaults={
            "endpoint": endpoint.url if endpoint else "",
            "protocol": endpoint.protocol if endpoint else "",
            "status": status,
            "sent_at": timezone.now(),
        },
    )
    return link


def _send(endpoint: Endpoint, *, source: str, target: str) -> None:
    if endpoint.protocol == "webmention":
        send_webmention(endpoint.url, source=source, target=target)
    else:
        send_pingback(endpoint.url, source=source, target=target)


def send_webmention(endpoint: str, *, source: str, target: str) -> None:
    """Webmention §3.1.2: POST form-encoded source and target; any 2xx is success."""
    body = urlencode({"source": source, "target": target}).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    response = _post(endpoint, body, headers)
    if response.status >= 500 or response.status == 429:
        raise TransientError(f"webmention endpoint answered {response.status}")


def send_pingback(server: str, *, source: str, target: str) -> None:
    """Pingback 1.0: call pingback.ping(source, target) on the advertised server."""
    body = dumps((source, target), "pingback.ping").encode()
    response = _post(server, body, {"Content-Type": "text/xml"})
    if response.status >= 500:
        raise TransientError(f"pingback server answered {response.status}")
    try:
        _parse_response(response.body)
    except Fault as fault:
        if fault.faultCode in (0, UPSTREAM_ERROR):
            raise TransientError(fault.faultString) from fault
        # Other faults (no link, target unusable, 0x0030 already registered) are final.


def _post(url: str, body: bytes, headers: dict[str, str]) -> safehttp.SafeResponse:
    try:
        # No redirects for a POST: the spec says send to the discovered endpoint.
        return safehttp.fetch(
            url, method="POST", data=body, headers=headers, max_redirects=0, max_bytes=64 * 1024
        )
    except safehttp.UnsafeURL:
        raise
    except safehttp.FetchError as error:
        raise TransientError(str(error)) from error


def _parse_response(body: bytes) -> Any:
    unmarshaller = Unmarshaller()
    parser = DefusedExpatParser(unmarshaller, forbid_dtd=True)
    try:
        parser.feed(body)
        parser.close()
        return unmarshaller.close()
    except (ExpatError, DefusedXmlException, ValueError) as error:
        raise TransientError(
            "pingback server answered with something that is not XML-RPC"
        ) from error
