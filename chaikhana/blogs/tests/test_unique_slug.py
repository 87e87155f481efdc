import pytest

from chaikhana.blogs.models import Tag
from chaikhana.core.slugs import unique_slug

pytestmark = pytest.mark.django_db


class UniqueSlugTests:
    def test_rows_of_the_queryset_and_reserved_words_are_avoided(self, blog):
        Tag.objects.create(blog=blog, name="Feed", slug="feed-2")
        assert unique_slug(Tag.objects.filter(blog=blog), "feed", reserved={"feed"}) == "feed-3"

    def test_rows_of_other_blogs_do_not_count(self, blog):
        Tag.objects.create(blog=blog, name="Ош", slug="osh")
        assert unique_slug(Tag.objects.exclude(blog=blog), "osh") == "osh"
