"""The messages: confirmation, a post, a digest. Light HTML plus plain text, absolute links.

A post's or digest's body is rendered once per (issue, language, pictures) and reused for
every subscriber; only the unsubscribe address differs, put in by ``str.replace``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.header import Header
from email.utils import formataddr, parseaddr
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chaikhana.blogs.models import Post
from chaikhana.media.render import media_for_urls
from chaikhana.newsletters import dkim, queries
from chaikhana.newsletters.models import Delivery, Issue, MailingList, Subscription
from chaikhana.newsletters.tokens import confirmation_token

UNSUBSCRIBE = "%%UNSUBSCRIBE%%"
SMALL_WIDTH = 480
_IMG = re.compile(r"<img\b[^>]*>", re.I)
_PICTURE = re.compile(r"<picture\b.*?</picture>", re.I | re.S)
_ATTR = re.compile(r'(\s(?:href|src)=")(/[^/"][^"]*|/)"', re.I)
_ALT = re.compile(r'\salt="([^"]*)"', re.I)
_SRC = re.compile(r'\ssrc="([^"]*)"', re.I)


def absolute(path: str) -> str:
    return path if urlsplit(path).scheme else f"{settings.SITE_URL}{path}"


def mail_domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def from_address() -> str:
    """The network's address, which every newsletter comes from."""
    configured = getattr(settings, "NEWSLETTERS_FROM_EMAIL", "") or settings.DEFAULT_FROM_EMAIL
    return parseaddr(configured)[1] or f"newsletters@{mail_domain()}"


def sender(name: str) -> str:
    """The list's public name (a blog's title: its pen name, never an account) + our address."""
    return formataddr((" ".join(name.split())[:100], from_address()))


class SignedMessage(EmailMultiAlternatives):
    """A message signed with DKIM as it leaves, when a key is configured."""

    def message(self, *args: Any, **kwargs: Any) -> Any:
        msg = super().message(*args, **kwargs)
        dkim.sign(msg)
        return msg


def absolute_links(html: str) -> str:
    return _ATTR.sub(lambda m: f'{m.group(1)}{absolute(m.group(2))}"', html)


def _without_pictures(html: str) -> str:
    def alt_text(tag: str) -> str:
        alt = _ALT.search(tag)
        return f"[{alt.group(1)}]" if alt and alt.group(1) else ""

    html = _PICTURE.sub(lambda m: alt_text(m.group(0)), html)
    return _IMG.sub(lambda m: alt_text(m.group(0)), html)


def _small_pictures(html: str, post: Post) -> str:
    """Every picture as one small JPEG (a rendition when there is one), at most 480 px wide."""
    html = _PICTURE.sub(lambda m: (_IMG.search(m.group(0)) or m).group(0), html)
    srcs = [m.group(1) for tag in _IMG.findall(html) if (m := _SRC.search(tag))]
    found = media_for_urls(srcs, blog=post.blog)

    def small(match: re.Match[str]) -> str:
        tag = match.group(0)
        src = _SRC.search(tag)
        url = src.group(1) if src else ""
        media = found.get(url)
        if media is not None:
            jpegs = sorted(
                (r for r in media.renditions.all() if r.format in {"jpeg", "jpg"}),
                key=lambda r: r.width,
            )
            fit = [r for r in jpegs if r.width >= SMALL_WIDTH] or jpegs[-1:]
            if fit:
                url = fit[0].file.url
        alt = _ALT.search(tag)
        alt_attr = alt.group(1) if alt else ""
        return (
            f'<img src="{absolute(url)}" alt="{alt_attr}" width="{SMALL_WIDTH}" '
            'style="max-width:100%;height:auto">'
        )

    return _IMG.sub(small, html)


def post_body(post: Post, images: str) -> str:
    """The post as the blog chose to send it (its feed's choice: full text or excerpt)."""
    if not post.blog.feed_full_text:
        return ""
    html = post.body_html
    html = (
        _without_pictures(html)
        if images == Subscription.Images.NONE
        else _small_pictures(html, post)
    )
    return absolute_links(html)


def byline(post: Post) -> str:
    return post.byline or (post.author.pen_name if post.author else "")


@dataclass
class Rendered:
    subject: str
    html: str
    text: str


def _digest_subject(ml: MailingList, kind: str, count: int) -> str:
    if kind == Issue.Kind.DAILY:
        return ngettext(
            "%(name)s: %(n)d new post today", "%(name)s: %(n)d new posts today", count
        ) % {"name": ml.title, "n": count}
    return ngettext(
        "%(name)s: %(n)d new post this week", "%(name)s: %(n)d new posts this week", count
    ) % {"name": ml.title, "n": count}


class IssueRenderer:
    """Renders each (issue, language, pictures) once and makes a message per delivery."""

    def __init__(self) -> None:
        self._cache: dict[tuple[int, str, str], Rendered] = {}

    def _render(self, issue: Issue, language: str, images: str) -> Rendered:
        ml = issue.mailing_list
        with translation.override(language):
            if issue.kind == Issue.Kind.POST and issue.post is not None:
                post = issue.post
                entries = [
                    {
                        "post": post,
                        "url": absolute(post.get_absolute_url()),
                        "byline": byline(post),
                        "body": post_body(post, images),
                    }
                ]
                subject = post.title
            else:
                assert issue.period_start and issue.period_end
                posts = list(queries.posts_of_list(ml, issue.period_start, issue.period_end))
                entries = [
                    {
                        "post": p,
                        "url": absolute(p.get_absolute_url()),
                        "byline": byline(p),
                        "body": "",
                    }
                    for p in posts
                ]
                subject = _digest_subject(ml, issue.kind, len(posts))
            context = {
                "list": ml,
                "list_url": absolute(list_page(ml)),
                "entries": entries,
                "issue": issue,
                "unsubscribe_url": UNSUBSCRIBE,
                "subject": subject,
                "LANGUAGE_CODE": language,
            }
            html = render_to_string("newsletters/mail/issue.html", context)
            text = render_to_string("newsletters/mail/issue.txt", context)
        return Rendered(subject, html, text)

    def message(self, delivery: Delivery) -> SignedMessage:
        sub, issue = delivery.subscription, delivery.issue
        key = (issue.pk, sub.language, sub.images)
        if key not in self._cache:
            self._cache[key] = self._render(issue, sub.language, sub.images)
        done = self._cache[key]
        unsubscribe = unsubscribe_url(sub)
        message = SignedMessage(
            subject=done.subject,
            body=done.text.replace(UNSUBSCRIBE, unsubscribe),
            from_email=sender(issue.mailing_list.title),
            to=[sub.email],
            headers=list_headers(issue.mailing_list, unsubscribe)
            | {"Message-ID": f"<nl.{issue.pk}.{sub.pk}@{mail_domain()}>"},
        )
        message.attach_alternative(done.html.replace(UNSUBSCRIBE, unsubscribe), "text/html")
        return message


def list_page(ml: MailingList) -> str:
    if ml.kind == MailingList.Kind.BLOG and ml.blog is not None:
        return ml.blog.get_absolute_url()
    if ml.kind == MailingList.Kind.SECTION and ml.section is not None:
        return reverse("portal:section", kwargs={"slug": ml.section.slug})
    return reverse("reading:tag_feed", kwargs={"slug": ml.tag})


def unsubscribe_url(sub: Subscription) -> str:
    return absolute(reverse("newsletters:unsubscribe", kwargs={"secret": sub.secret}))


def _phrase(name: str) -> str:
    """A header phrase: quoted ASCII, or RFC 2047 words, so the <id> after it stays readable."""
    name = " ".join(name.split()).replace('"', "").replace("\\", "")
    if name.isascii():
        return f'"{name}"'
    return Header(name, "utf-8").encode()


def list_headers(ml: MailingList, unsubscribe: str) -> dict[str, str]:
    """RFC 2919 List-Id, RFC 2369 List-Unsubscribe, RFC 8058 one-click."""
    return {
        "List-Id": f"{_phrase(ml.title)} <{ml.list_id}.{mail_domain()}>",
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def confirmation_message(sub: Subscription) -> SignedMessage:
    """ "Confirm your subscription", in the language she chose."""
    ml = sub.mailing_list
    token = confirmation_token(sub.pk, sub.secret)
    url = absolute(reverse("newsletters:confirm", kwargs={"token": token}))
    with translation.override(sub.language):
        context = {
            "list": ml,
            "confirm_url": url,
            "list_url": absolute(list_page(ml)),
            "subscription": sub,
            "LANGUAGE_CODE": sub.language,
        }
        subject = _("Confirm your subscription to %(name)s") % {"name": ml.title}
        text = render_to_string("newsletters/mail/confirm.txt", context)
        html = render_to_string("newsletters/mail/confirm.html", context)
    message = SignedMessage(subject=subject, body=text, from_email=sender(ml.title), to=[sub.email])
    message.attach_alternative(html, "text/html")
    return message
