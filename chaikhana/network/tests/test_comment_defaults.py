import pytest

from chaikhana.comments.models import CommentSettings
from chaikhana.core.testing.factories import BlogFactory, UserFactory
from chaikhana.network import actions

pytestmark = pytest.mark.django_db


class CommentDefaultsTests:
    def test_blog_without_its_own_policy_follows_the_network_defaults(self):
        staff = UserFactory(is_staff=True, is_superuser=True)
        actions.update_network_settings(
            by=staff, comment_mode=CommentSettings.Mode.SIGNED_IN, hold_first_comment=False
        )
        policy = CommentSettings.objects.of(BlogFactory())
        assert policy.mode == CommentSettings.Mode.SIGNED_IN
        assert policy.hold_first_comment is False

    def test_blog_that_chose_its_policy_keeps_it(self):
        staff = UserFactory(is_staff=True, is_superuser=True)
        blog = BlogFactory()
        CommentSettings.objects.create(blog=blog, mode=CommentSettings.Mode.OPEN)
        actions.update_network_settings(by=staff, comment_mode=CommentSettings.Mode.CLOSED)
        assert CommentSettings.objects.of(blog).mode == CommentSettings.Mode.OPEN
