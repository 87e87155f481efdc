"""Small helpers for writing XML by hand safely: escaping, CDATA that survives ``]]>``."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

# XML 1.0 §2.2: these code points may not appear in a document at all, even in CDATA.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def cdata(text: str) -> str:
    """Text as one or more CDATA sections: ``]]>`` is split across two (XML 1.0 §2.7)."""
    return "<![CDATA[" + clean(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def element(name: str, text: object = "", *, raw: bool = False, **attrs: str) -> str:
    """``<name attr="…">text</name>``; *raw* for text already made safe (CDATA)."""
    attributes = "".join(f" {k}={quoteattr(clean(v))}" for k, v in attrs.items())
    body = str(text) if raw else escape(clean(str(text)))
    return f"<{name}{attributes}>{body}</{name}>"
