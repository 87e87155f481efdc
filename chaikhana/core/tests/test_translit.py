from chaikhana.core.translit import slugify


class SlugifyTests:
    def test_kyrgyz_letters_are_transliterated_with_our_table(self):
        assert slugify("Өлкө жаңылыктары") == "olko-zhangylyktary"

    def test_russian_punctuation_is_dropped(self):
        assert slugify("Привет, мир!") == "privet-mir"

    def test_english_and_accents_stay_readable(self):
        assert slugify("Café in Bishkek — 2026") == "cafe-in-bishkek-2026"

    def test_long_titles_are_cut_without_a_trailing_hyphen(self):
        slug = slugify("слово " * 40, max_length=20)
        assert len(slug) <= 20 and not slug.endswith("-")

    def test_title_without_letters_gives_empty_slug(self):
        assert slugify("!!! ???") == ""
