"""Readers for LiveJournal's XML exports: entries (export_do.bml) and comments
(export_comments.bml's comment_meta and comment_body), in both shapes seen in the wild.

LiveJournal's samples put <entry> and <comment> straight under <livejournal>; Dreamwidth's
exporter (DW/Controller/Export.pm) wraps them in <comments> and <usermaps>. Elements are
therefore found by name at any depth. defusedxml refuses entity declarations and external
entities; each element is cleared once read, so memory stays flat.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.utils.translation import gettext as _

from chaikhana.porting.livejournal.records import CommentFile, Entry, LjComment

ROOTS = {"livejournal", "dreamwidth"}
# Entry children that become fields; every other simple child is kept in Entry.props.
ENTRY_FIELDS = {
    "itemid",
    "jitemid",
    "eventtime",
    "logtime",
    "subject",
    "event",
    "security",
    "allowmask",
    "taglist",
    "tags",
}
Source = str | IO[bytes]


class LjError(Exception):
    """The file cannot be read as a LiveJournal export; the message says why, for people."""


def _elements(source: Source, names: set[str]) -> Iterator[Element]:
    """Each element named in *names* once it is complete, after checking the root."""
    try:
        root_seen = False
        for event, elem in iterparse(source, events=("start", "end")):
            if event == "start":
                if not root_seen:
                    root_seen = True
                    if elem.tag not in ROOTS:
                        raise LjError(
                            _("This is not a LiveJournal export (its root element is <%(tag)s>).")
                            % {"tag": elem.tag[:40]}
                        )
                continue
            if elem.tag in names:
                yield elem
                elem.clear()
    except DefusedXmlException as error:
        raise LjError(
            _("The file declares XML entities or a DTD, which we refuse for safety.")
        ) from error
    except ParseError as error:
        raise LjError(
            _("The file is not well-formed XML (%(detail)s).") % {"detail": error}
        ) from error
    except OSError as error:
        raise LjError(_("The file cannot be read (%(detail)s).") % {"detail": error}) from error


def _int(value: str | None) -> int | None:
    try:
        return int(value.strip()) if value is not None and value.strip() else None
    except ValueError:
        return None


def read_entries(source: Source) -> list[Entry]:
    """Every entry of an entries export; raises LjError if any of the file is unreadable."""
    entries = []
    for elem in _elements(source, {"entry"}):
        children = {child.tag: (child.text or "") for child in elem}
        itemid, jitemid = _int(children.get("itemid")), _int(children.get("jitemid"))
        if jitemid is None and itemid is None:
            raise LjError(_("An entry has neither an itemid nor a jitemid."))
        tags = children.get("taglist") or children.get("tags") or ""
        entries.append(
            Entry(
                # Older exports carry only <itemid>, the journal's entry number.
                jitemid=jitemid if jitemid is not None else itemid,  # type: ignore[arg-type]
                ditemid=itemid if jitemid is not None else None,
                eventtime=children.get("eventtime", "").strip(),
                logtime=children.get("logtime", "").strip(),
                subject=children.get("subject", "").strip(),
                event=children.get("event", ""),
                security=(children.get("security", "") or "public").strip().lower(),
                allowmask=_int(children.get("allowmask")) or 0,
                tags=[t.strip() for t in tags.split(",") if t.strip()],
                props={
                    k: v.strip() for k, v in children.items() if k not in ENTRY_FIELDS and v.strip()
                },
            )
        )
    return entries


def read_comments(sources: list[Source]) -> CommentFile:
    """Comments and usernames from any number of comment files, merged by comment id.

    comment_meta gives poster and state, comment_body the text and date; a later file
    fills in what an earlier one left empty.
    """
    found = CommentFile()
    for source in sources:
        for elem in _elements(source, {"comment", "usermap"}):
            if elem.tag == "usermap":
                if (uid := _int(elem.get("id"))) is not None and elem.get("user"):
                    found.usermap[uid] = elem.get("user", "").strip()
                continue
            if (cid := _int(elem.get("id"))) is None:
                raise LjError(_("A comment has no id."))
            _merge(found.comments.setdefault(cid, LjComment(id=cid)), elem)
    return found


def _merge(comment: LjComment, elem: Element) -> None:
    for attr in ("jitemid", "posterid", "parentid"):
        if getattr(comment, attr) is None:
            setattr(comment, attr, _int(elem.get(attr)))
    if elem.get("state"):
        comment.state = elem.get("state", "A").strip().upper()[:1] or "A"
    for tag in ("date", "subject", "body"):
        child = elem.find(tag)
        if child is not None and (child.text or "").strip() and not getattr(comment, tag):
            setattr(comment, tag, (child.text or "").strip())
