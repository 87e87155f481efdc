import pytest
from django.core.exceptions import PermissionDenied

from chaikhana.blogs.actions import PostInput, save_post
from chaikhana.blogs.actions.posts import EditConflict
from chaikhana.blogs.models import Post, Revision, SlugRedirect
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import MembershipFactory

pytestmark = pytest.mark.django_db


class SavePostTests:
    def test_new_post_gets_transliterated_slug_and_a_revision(self, blog, user):
        post = save_post(
            blog=blog, by=user, data=PostInput(title="Привет, мир!", body_source="**Жирный**")
        )
        assert post.slug == "privet-mir"
        assert "<strong>Жирный</strong>" in post.body_html
        assert post.revisions.count() == 1

    def test_second_post_with_same_title_gets_numbered_slug(self, blog, user):
        save_post(blog=blog, by=user, data=PostInput(title="Новости"))
        second = save_post(blog=blog, by=user, data=PostInput(title="Новости"))
        assert second.slug == "novosti-2"

    def test_contributor_cannot_publish(self, blog):
        contributor = MembershipFactory(blog=blog, role=Role.CONTRIBUTOR).user
        with pytest.raises(PermissionDenied):
            save_post(
                blog=blog, by=contributor, data=PostInput(title="x", status=Post.Status.PUBLISHED)
            )
        assert not Post.objects.exists()

    def test_changed_slug_of_published_post_keeps_old_address(self, blog, user):
        post = save_post(
            blog=blog, by=user, data=PostInput(title="Old", status=Post.Status.PUBLISHED)
        )
        save_post(
            blog=blog,
            by=user,
            post=post,
            data=PostInput(title="Old", slug="new", status=Post.Status.PUBLISHED),
        )
        assert SlugRedirect.objects.get(old_slug="old").post == post

    def test_stale_base_version_raises_conflict_and_keeps_both_texts(self, blog, user):
        post = save_post(blog=blog, by=user, data=PostInput(title="T", body_source="first"))
        save_post(
            blog=blog,
            by=user,
            post=post,
            base_version=1,
            data=PostInput(title="T", body_source="theirs"),
        )
        with pytest.raises(EditConflict):
            save_post(
                blog=blog,
                by=user,
                post=post,
                base_version=1,
                data=PostInput(title="T", body_source="mine"),
            )
        post.refresh_from_db()
        assert post.body_source == "theirs"
        assert Revision.objects.filter(kind=Revision.Kind.CONFLICT, body_source="mine").exists()
