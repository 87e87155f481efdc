from chaikhana.core.slugs import next_free_slug


class NextFreeSlugTests:
    def test_base_is_kept_when_free(self):
        assert next_free_slug("chai", set()) == "chai"

    def test_taken_base_gets_the_first_free_number(self):
        assert next_free_slug("chai", {"chai", "chai-2"}) == "chai-3"

    def test_numbered_slug_still_fits_the_field_when_base_is_long(self):
        slug = next_free_slug("a" * 100, {"a" * 100}, max_length=100)
        assert slug == "a" * 98 + "-2"
