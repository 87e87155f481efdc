"""Small helpers for writing XML by hand safely: escaping, CDATA that survives ``]]>``."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from chaikhana.core.xml import xml_safe


def clean(text: str) -> str:
    """*text* without the code points XML 1.0 forbids anywhere, even in CDATA (§2.2)."""
    return str(xml_safe(text))


def cdata(text: str) -> str:
    """Text as one or more CDATA sections: ``]]>`` is split across two (XML 1.0 §2.7)."""
    return "<![CDATA[" + clean(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def element(name: str, text: object = "", *, raw: bool = False, **attrs: str) -> str:
    """``<name attr="…">text</name>``; *raw* for text already made safe (CDATA)."""
    attributes = "".join(f" {k}={quoteattr(clean(v))}" for k, v in attrs.items())
    body = str(text) if raw else escape(clean(str(text)))
    return f"<{name}{attributes}>{body}</{name}>"
