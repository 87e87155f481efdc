"""The LiveJournal export vocabulary as plain dataclasses: what the parser yields."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(kw_only=True)
class Entry:
    """One <entry> of export_do.bml (LiveJournal) or Dreamwidth's entries export."""

    jitemid: int  # the journal's own entry number: comments point at it
    ditemid: int | None = None  # the number in the entry's address (jitemid * 256 + anum)
    eventtime: str = ""  # the writer's local clock, no zone
    logtime: str = ""  # the server's clock (UTC) when it was posted
    subject: str = ""
    event: str = ""
    security: str = "public"  # public, private, friends (Dreamwidth: access), usemask/custom
    allowmask: int = 0
    tags: list[str] = field(default_factory=list)
    props: dict[str, str] = field(default_factory=dict)  # mood, music, location and the rest


@dataclass(kw_only=True)
class LjComment:
    """One <comment>, merged from comment_meta (poster, state) and comment_body (text)."""

    id: int
    jitemid: int | None = None
    posterid: int | None = None
    parentid: int | None = None
    state: str = "A"  # A active, S screened, D deleted, F frozen
    date: str = ""
    subject: str = ""
    body: str = ""


@dataclass
class CommentFile:
    """What one or more comment files hold: comments by id and the poster id → username map."""

    comments: dict[int, LjComment] = field(default_factory=dict)
    usermap: dict[int, str] = field(default_factory=dict)
