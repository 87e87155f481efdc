"""iCalendar (RFC 5545) written by hand: a session, or a student's sessions, as VEVENTs.

Small enough to own: text escaping (§3.3.11), 75-octet folding (§3.1), UTC times (§3.3.5),
CRLF line ends (§3.1), a stable UID (§3.8.4.7) so calendar apps update rather than duplicate.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.utils import timezone

from chaikhana.core.urls import absolute_url, site_url
from chaikhana.courses.models import Session

CRLF = "\r\n"
MAX_OCTETS = 75


def escape_text(value: str) -> str:
    """§3.3.11: backslash, semicolon and comma are escaped; newlines become ``\\n``."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """§3.1: lines over 75 octets continue after CRLF + one space, never inside a character."""
    parts, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > MAX_OCTETS:
            parts.append(current)
            current = b" "  # the continuation's leading space counts toward its 75 octets
        current += encoded
    parts.append(current)
    return CRLF.join(part.decode("utf-8") for part in parts)


def utc(moment: datetime) -> str:
    """§3.3.5 form 2: UTC time, with the trailing Z."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _host() -> str:
    return urlsplit(site_url()).hostname or "localhost"


def vevent(session: Session, now: datetime) -> list[str]:
    course = session.course
    lines = [
        "BEGIN:VEVENT",
        f"UID:course-session-{session.pk}@{_host()}",
        f"DTSTAMP:{utc(now)}",
        f"DTSTART:{utc(session.starts_at)}",
        f"DTEND:{utc(session.ends_at)}",
        # §3.8.7.4: apps replace their copy only when SEQUENCE grows (Session.save bumps it).
        f"SEQUENCE:{session.sequence}",
        f"SUMMARY:{escape_text(str(session))}",
        f"URL:{absolute_url(session.get_absolute_url())}",
        # §3.8.1.11: a cancelled session stays in the feed so calendars can strike it out.
        "STATUS:" + ("CANCELLED" if session.is_cancelled else "CONFIRMED"),
    ]
    if session.place:
        lines.append(f"LOCATION:{escape_text(session.place)}")
    description = "\n".join(filter(None, [course.title, session.online_url]))
    lines.append(f"DESCRIPTION:{escape_text(description)}")
    lines.append("END:VEVENT")
    return lines


def calendar(sessions: Iterable[Session], name: str) -> str:
    """A whole VCALENDAR with one VEVENT per session, folded, CRLF-terminated."""
    now = timezone.now()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Chaikhana//Courses//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for session in sessions:
        lines.extend(vevent(session, now))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
