"""What the editor's upload form and image picker share: field names, an image's Markdown."""

from __future__ import annotations

FILE, ALT = "upload_file", "upload_alt"


def markdown_for(url: str, alt: str) -> str:
    # Brackets in a description would end the Markdown image early.
    return "![{}]({})".format(alt.replace("[", "(").replace("]", ")"), url)
