"""What the editor warns about before publishing: images without a description, and weight."""

from __future__ import annotations

from dataclasses import dataclass

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chaikhana.core.markup import render_markdown
from chaikhana.media.bodies import IMG, attributes
from chaikhana.media.conf import post_weight_warn_bytes
from chaikhana.media.render import media_for_urls
from chaikhana.media.weight import Weight, estimate


@dataclass(frozen=True)
class Checks:
    without_alt: int
    weight: Weight

    def warnings(self) -> list[str]:
        found = []
        if self.without_alt:
            found.append(
                ngettext(
                    "%(n)d image has no description: add one for readers who cannot see it.",
                    "%(n)d images have no description: add one for readers who cannot see them.",
                    self.without_alt,
                )
                % {"n": self.without_alt}
            )
        if self.weight.total > post_weight_warn_bytes():
            found.append(weight_warning(self.weight))
        return found


def weight_warning(weight: Weight) -> str:
    total = filesizeformat(weight.total)
    heaviest = weight.heaviest_image()
    if heaviest is not None and heaviest[1] > weight.html:
        media, size = heaviest
        return _(
            "This post is %(total)s for a first-time reader on a phone; %(part)s of it is one "
            "photo (%(name)s) — publish a smaller rendition?"
        ) % {"total": total, "part": filesizeformat(size), "name": media.original_name}
    return _(
        "This post is %(total)s for a first-time reader on a phone; %(part)s of it is the text."
    ) % {"total": total, "part": filesizeformat(weight.html)}


def check_text(source: str) -> Checks:
    """The editor's checks of Markdown *source*: one media lookup, whatever its images."""
    html = render_markdown(source)
    images = [attributes(m.group(0)) for m in IMG.finditer(html)]
    found = media_for_urls(a.get("src", "") for a in images)
    without_alt = sum(
        1
        for a in images
        if not a.get("alt", "").strip()
        and not ((m := found.get(a.get("src", ""))) and m.alt.strip())
    )
    media = [found[a["src"]] for a in images if a.get("src") in found]
    return Checks(without_alt=without_alt, weight=estimate(html, media))
