import pytest

from chaikhana.blogs.models import Tag
from chaikhana.core.slugs import next_free_slug, unique_slug

pytestmark = pytest.mark.django_db


class NextFreeSlugTests:
    def test_base_is_kept_when_free(self):
        assert next_free_slug("chai", set()) == "chai"

    def test_taken_base_gets_the_first_free_number(self):
        assert next_free_slug("chai", {"chai", "chai-2"}) == "chai-3"

    def test_numbered_slug_still_fits_the_field_when_base_is_long(self):
        slug = next_free_slug("a" * 100, {"a" * 100}, max_length=100)
        assert slug == "a" * 98 + "-2"


class UniqueSlugTests:
    def test_rows_of_the_queryset_and_reserved_words_are_avoided(self, blog):
        Tag.objects.create(blog=blog, name="Feed", slug="feed-2")
        assert unique_slug(Tag.objects.filter(blog=blog), "feed", reserved={"feed"}) == "feed-3"
