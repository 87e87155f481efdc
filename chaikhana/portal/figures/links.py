"""Links to portal stories from posts of the network's listed blogs, found by a task.

Scanning post bodies per request would cost a full-text pass; the task reads the posts
published in the last week once and writes one ``StoryLink`` per (story, linking post).
"""

from __future__ import annotations

import re
from datetime import timedelta

from django.utils import timezone

from chaikhana.blogs.models import Blog, Post
from chaikhana.portal.models import StoryLink

# Relative or absolute: any host of ours; the slug is what identifies the story.
STORY_LINK = re.compile(r'href="[^"]*/portal/stories/([-a-zA-Z0-9_]+)/')
WINDOW = timedelta(days=7)


def collect_story_links() -> int:
    """Record the week's links from listed blogs' posts to stories; returns new links."""
    since = timezone.now() - WINDOW
    posts = (
        Post.objects.published()
        .filter(blog__in=Blog.objects.listed(), published_at__gte=since)
        .exclude(blog__name="portal")
        .filter(body_html__contains="/portal/stories/")
        .values_list("pk", "body_html")
    )
    found = {(slug, pk) for pk, html in posts for slug in STORY_LINK.findall(html)}
    stories = dict(
        Post.objects.filter(blog__name="portal", slug__in={slug for slug, _ in found}).values_list(
            "slug", "pk"
        )
    )
    pairs = {(stories[slug], pk) for slug, pk in found if slug in stories}
    known = set(
        StoryLink.objects.filter(source_id__in={pk for _, pk in pairs}).values_list(
            "story_id", "source_id"
        )
    )
    new = [StoryLink(story_id=story, source_id=source) for story, source in pairs - known]
    # ignore_conflicts: a second task run at the same moment must not fail.
    StoryLink.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)
