"""iCalendar (RFC 5545) feeds of sessions, written by hand: the format is small, the rules exact.

Every line ends in CRLF (§3.1); long lines are folded at 75 octets, never inside a UTF-8
character (§3.1); text is escaped (§3.3.11); times are UTC with a trailing Z (§3.3.5, form #2).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.utils import timezone

from chaikhana.courses import conf
from chaikhana.courses.models import Registration, Session

CRLF = "\r\n"
LINE_OCTETS = 75
PRODID = "-//Chaikhana//Courses//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def escape_text(value: str) -> str:
    """§3.3.11: backslash, semicolon and comma are escaped; a newline becomes \\n."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """§3.1: at most 75 octets a line; each continuation starts with one space (counted)."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode())
        if size + width > LINE_OCTETS:
            pieces.append(current)
            current, size = " ", 1  # the leading space is part of the next line's 75
        current += char
        size += width
    pieces.append(current)
    return CRLF.join(pieces)


def utc(moment: datetime) -> str:
    """§3.3.5 form #2: UTC time, e.g. 20250301T040000Z."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _host() -> str:
    return urlsplit(conf.site_url()).hostname or "localhost"


def event_lines(session: Session, now: datetime, status: str = "") -> list[str]:
    """One VEVENT; *status* overrides the session's (TENTATIVE for a waitlisted student)."""
    course = session.course
    summary = f"{course.title}: {session.title}" if session.title else course.title
    # §3.8.4.7: UID must be globally unique and stable across every feed and every change.
    lines = [
        "BEGIN:VEVENT",
        f"UID:course-session-{session.pk}@{_host()}",
        f"DTSTAMP:{utc(now)}",
        f"DTSTART:{utc(session.starts_at)}",
        f"DTEND:{utc(session.ends_at)}",
        f"SEQUENCE:{session.sequence}",
        f"SUMMARY:{escape_text(summary)}",
        f"STATUS:{'CANCELLED' if session.is_cancelled else status or 'CONFIRMED'}",
    ]
    if session.place:
        lines.append(f"LOCATION:{escape_text(session.place)}")
    elif session.online_url:
        lines.append(f"LOCATION:{escape_text(session.online_url)}")
    # §3.8.4.6: URL is a URI value, not text, so it is not escaped.
    lines.append(f"URL:{session.online_url or conf.absolute(course.get_absolute_url())}")
    if course.description:
        lines.append(f"DESCRIPTION:{escape_text(course.description)}")
    lines.append("END:VEVENT")
    return lines


def render_calendar(
    name: str, events: Iterable[tuple[Session, str]], now: datetime | None = None
) -> str:
    """A whole VCALENDAR of (session, status) pairs, folded, CRLF-terminated."""
    now = now or timezone.now()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        # RFC 5546 §3.2.1: a published feed; DTSTAMP is then when this copy was made.
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for session, status in events:
        lines.extend(event_lines(session, now, status))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)


def sessions_calendar(name: str, sessions: Iterable[Session]) -> str:
    return render_calendar(name, ((session, "") for session in sessions))


def student_calendar(name: str, registrations: Iterable[Registration]) -> str:
    """Her sessions: a seat is CONFIRMED, a place on the waitlist only TENTATIVE."""
    pairs = (
        (r.session, "CONFIRMED" if r.status == Registration.Status.CONFIRMED else "TENTATIVE")
        for r in registrations
    )
    return render_calendar(name, pairs)
