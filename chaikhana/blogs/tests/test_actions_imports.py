"""import_posts: old posts arrive in bulk, numbered like WordPress, announced once, never as new."""

from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
from django.core.exceptions import PermissionDenied

from chaikhana.blogs import signals
from chaikhana.blogs.actions import ImportedPost, import_posts, reimport_post
from chaikhana.blogs.models import Post, Tag
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import MembershipFactory, PostFactory

pytestmark = pytest.mark.django_db
OLD = datetime(2011, 5, 1, 9, 0, tzinfo=UTC)


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


def item(blog, slug="chai", **fields):
    owner = blog.memberships.get(role=Role.OWNER)
    values = {
        "author": owner,
        "byline": owner.pen_name,
        "title": "Чай",
        "slug": slug,
        "body_source": "<p>Старый <script>alert(1)</script>текст</p>",
        "language": "ru",
        "status": Post.Status.PUBLISHED,
        "published_at": OLD,
    }
    return ImportedPost(**(values | fields))


class ImportPostsTests:
    def test_batch_is_announced_once_after_commit_and_never_as_published(
        self, blog, user, django_capture_on_commit_callbacks
    ):
        with (
            heard(signals.posts_imported) as imported,
            heard(signals.post_published) as new,
            django_capture_on_commit_callbacks(execute=True),
        ):
            posts = import_posts(blog=blog, by=user, posts=[item(blog, f"p{n}") for n in range(3)])
        assert imported == [
            {
                "signal": signals.posts_imported,
                "blog_id": blog.pk,
                "post_ids": [p.pk for p in posts],
            }
        ]
        assert new == []

    def test_taken_slugs_are_numbered_within_and_across_batches(self, blog, user):
        PostFactory(blog=blog, slug="chai")
        posts = import_posts(blog=blog, by=user, posts=[item(blog), item(blog), item(blog, "feed")])
        assert [p.slug for p in posts] == ["chai-2", "chai-3", "feed-2"]

    def test_imported_html_is_sanitised_and_dated_as_it_was(self, blog, user):
        (post,) = import_posts(blog=blog, by=user, posts=[item(blog)])
        post.refresh_from_db()
        assert "<script" not in post.body_html and "Старый" in post.body_html
        assert post.published_at == OLD and post.revisions.count() == 0

    def test_terms_are_linked(self, blog, user):
        tag = Tag.objects.create(blog=blog, name="Ош", slug="osh")
        (post,) = import_posts(blog=blog, by=user, posts=[item(blog, tag_ids={tag.pk})])
        assert list(post.tags.all()) == [tag]

    def test_author_who_does_not_manage_the_blog_is_refused(self, blog):
        author = MembershipFactory(blog=blog, role=Role.AUTHOR).user
        with pytest.raises(PermissionDenied):
            import_posts(blog=blog, by=author, posts=[item(blog)])
        assert not Post.objects.filter(blog=blog).exists()


class ReimportPostTests:
    def test_changed_item_overwrites_the_post_and_keeps_its_address(self, blog, user):
        (post,) = import_posts(blog=blog, by=user, posts=[item(blog)])
        again = reimport_post(post=post, by=user, imported=item(blog, title="Чай, исправлено"))
        assert (again.pk, again.slug, again.title) == (post.pk, "chai", "Чай, исправлено")
        assert Post.objects.filter(blog=blog).count() == 1
