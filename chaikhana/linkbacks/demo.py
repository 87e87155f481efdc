"""Demo mentions for `make run`: other sites' pages linking to demo posts and to the lead story.

The sources are on example.org, which cannot be fetched, so the page each would have served is
described here (SourceReport, what verification reads from a fetched page) and stored by the
same code a verified webmention or pingback goes through, spam check included.
"""

from __future__ import annotations

from django.db import transaction

from chaikhana.blogs.models import Blog, Post
from chaikhana.linkbacks.actions import _store
from chaikhana.linkbacks.models import Mention
from chaikhana.linkbacks.verify import SourceReport

# (blog of the target, kind, source, author, title, excerpt)
MENTIONS = [
    ("demo", Mention.Kind.WEBMENTION, "https://example.org/tokmok-notes/2026/yards/",
     "Tokmok Notes", "Ямы во дворах: что пишут соседи",
     "Коллеги из Demo собрали жалобы жителей; вот что происходит у нас."),
    ("demo", Mention.Kind.PINGBACK, "https://example.org/blog/chaikhana-roundup/",
     "Chaikhana Roundup", "Weekly roundup: blogs from the regions",
     "This week's picks from Kyrgyz bloggers, starting with a story about a yard in Tokmok."),
    ("portal", Mention.Kind.WEBMENTION, "https://example.org/media-watch/portal-lead/",
     "Media Watch KG", "Fact-checked citizen reporting, for once",
     "The portal's editors published their checked claims with the story. More of this."),
]  # fmt: skip


def demo_network_present() -> bool:
    return Blog.objects.filter(name="demo", memberships__user__username="demo").exists()


@transaction.atomic
def create_demo_mentions() -> int:
    """Store the mentions whose target blog has a public post; returns how many are verified."""
    made = 0
    for blog, kind, source, author, title, excerpt in MENTIONS:
        post = Post.objects.published().filter(blog__name=blog).order_by("-published_at").first()
        if post is None:
            continue
        report = SourceReport(
            links=True, author_name=author, author_url=source.rsplit("/", 2)[0] + "/",
            title=title, excerpt=excerpt,
        )  # fmt: skip
        made += _store(post, source, kind, report).status == Mention.Status.VERIFIED
    return made
