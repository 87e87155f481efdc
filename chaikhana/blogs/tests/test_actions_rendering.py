"""rerender_posts: HTML stored under older rules is re-rendered, quietly, without a new version."""

import io
from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from chaikhana.blogs import signals
from chaikhana.blogs.actions import rerender_posts
from chaikhana.blogs.models import Post
from chaikhana.core.testing.factories import BlogFactory, PostFactory

pytestmark = pytest.mark.django_db

# What an older sanitiser let through: a foreign class and id, an image from another host.
STALE = '<p class="tracker" id="x">Старый текст</p><img src="https://elsewhere.example/t.png">'


@contextmanager
def heard(signal):
    calls: list[dict] = []

    def receiver(sender, **kwargs):
        calls.append(kwargs)

    signal.connect(receiver, weak=False)
    try:
        yield calls
    finally:
        signal.disconnect(receiver)


def stale_post(**fields):
    """A post as an older release stored it: today's save would not keep this HTML."""
    post = PostFactory(body_format=Post.Format.HTML, body_source=STALE, **fields)
    Post.objects.filter(pk=post.pk).update(body_html=STALE)
    return Post.objects.get(pk=post.pk)


class RerenderPostsTests:
    def test_stale_html_is_rendered_by_todays_rules_when_run(self):
        post = stale_post()
        done = rerender_posts()
        post.refresh_from_db()
        assert "tracker" not in post.body_html and 'id="x"' not in post.body_html
        assert "elsewhere.example/t.png" not in post.body_html.split("<a")[0]  # a link now
        assert "Старый текст" in post.body_html
        assert (done.checked, done.changed) == (1, 1)

    def test_no_version_revision_or_publication_when_re_rendered(
        self, django_capture_on_commit_callbacks
    ):
        post = stale_post()
        version, revisions, updated = post.version, post.revisions.count(), post.updated_at
        with (
            heard(signals.post_published) as published,
            heard(signals.post_changed) as changed,
            heard(signals.posts_rerendered) as rerendered,
            django_capture_on_commit_callbacks(execute=True),
        ):
            rerender_posts()
        post.refresh_from_db()
        assert (post.version, post.revisions.count(), post.updated_at) == (
            version,
            revisions,
            updated,
        )
        assert published == [] and changed == []
        assert rerendered == [
            {"signal": signals.posts_rerendered, "blog_id": post.blog_id, "post_ids": [post.pk]}
        ]

    def test_a_current_post_is_left_alone_when_run_twice(self):
        stale_post()
        PostFactory()
        assert rerender_posts().changed == 1
        again = rerender_posts()
        assert (again.checked, again.changed) == (2, 0)

    def test_only_the_named_blog_is_touched_when_a_blog_is_given(self):
        mine, other = stale_post(), stale_post()
        rerender_posts(blog=mine.blog)
        other.refresh_from_db()
        assert other.body_html == STALE

    def test_every_post_is_reached_when_there_are_more_than_one_batch(self):
        posts = [stale_post() for _ in range(5)]
        done = rerender_posts(batch_size=2)
        assert (done.checked, done.changed) == (5, 5)
        assert not Post.objects.filter(pk__in=[p.pk for p in posts], body_html=STALE).exists()


class RerenderCommandTests:
    def test_prints_what_it_checked_and_changed(self):
        post = stale_post()
        PostFactory(blog=post.blog)
        out = io.StringIO()
        call_command("rerender_posts", "--blog", post.blog.name, stdout=out)
        assert out.getvalue().strip() == (
            f"@{post.blog.name}: 2 posts checked, 1 re-rendered, 1 already current"
        )

    def test_an_unknown_blog_is_refused(self):
        BlogFactory()
        with pytest.raises(CommandError, match="No blog"):
            call_command("rerender_posts", "--blog", "nope", stdout=io.StringIO())
