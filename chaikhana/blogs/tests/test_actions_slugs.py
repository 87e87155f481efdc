import pytest

from chaikhana.blogs.actions import PostRequest, save_requested_post
from chaikhana.blogs.models import Post

pytestmark = pytest.mark.django_db


class DraftSlugTests:
    def test_draft_slug_follows_title_when_first_saved_half_typed(self, blog, user):
        draft = save_requested_post(blog=blog, by=user, request=PostRequest(title="Вод"))
        draft = save_requested_post(
            blog=blog, by=user, post=draft, request=PostRequest(title="Вода в Оше")
        )
        assert draft.slug == "voda-v-oshe"

    def test_slug_set_by_hand_stays_when_title_changes(self, blog, user):
        draft = save_requested_post(
            blog=blog, by=user, request=PostRequest(title="Вода", slug="water")
        )
        draft = save_requested_post(
            blog=blog, by=user, post=draft, request=PostRequest(title="Вода в Оше")
        )
        assert draft.slug == "water"

    def test_published_slug_stays_when_title_changes(self, blog, user):
        published = Post.Status.PUBLISHED
        post = save_requested_post(
            blog=blog, by=user, request=PostRequest(title="Вода", status=published)
        )
        post = save_requested_post(
            blog=blog, by=user, post=post, request=PostRequest(title="Свет", status=published)
        )
        assert post.slug == "voda"
