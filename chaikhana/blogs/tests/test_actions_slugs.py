import pytest

from chaikhana.blogs.actions import PostInput, save_post
from chaikhana.blogs.models import Post

pytestmark = pytest.mark.django_db


class DraftSlugTests:
    def test_draft_slug_follows_title_when_first_saved_half_typed(self, blog, user):
        draft = save_post(blog=blog, by=user, data=PostInput(title="Вод"))
        draft = save_post(blog=blog, by=user, post=draft, data=PostInput(title="Вода в Оше"))
        assert draft.slug == "voda-v-oshe"

    def test_slug_set_by_hand_stays_when_title_changes(self, blog, user):
        draft = save_post(blog=blog, by=user, data=PostInput(title="Вода", slug="water"))
        draft = save_post(blog=blog, by=user, post=draft, data=PostInput(title="Вода в Оше"))
        assert draft.slug == "water"

    def test_published_slug_stays_when_title_changes(self, blog, user):
        published = Post.Status.PUBLISHED
        post = save_post(blog=blog, by=user, data=PostInput(title="Вода", status=published))
        post = save_post(
            blog=blog, by=user, post=post, data=PostInput(title="Свет", status=published)
        )
        assert post.slug == "voda"
