"""Search terms from text (the same on both backends): stemming, query parsing, snippets."""

import pytest

from chaikhana.reading.search import kyrgyz
from chaikhana.reading.search.analysis import MAX_QUERY_CHARS, parse_query, stemmed_text
from chaikhana.reading.search.snippets import SNIPPET_CHARS, highlight, snippet


class KyrgyzStemmerTests:
    @pytest.mark.parametrize(
        "word, stem",
        [
            ("журналисттер", "журналист"),  # plural
            ("журналисттердин", "журналист"),  # plural + genitive
            ("бишкекте", "бишкек"),  # locative
            ("бишкектен", "бишкек"),  # ablative
            ("бишкекке", "бишкек"),  # dative
            ("китептеримден", "китеп"),  # plural + my + ablative
            ("жаңылыктарыбыздан", "жаңылык"),  # plural + our + ablative
            ("шаардагы", "шаар"),  # locative adjective
            ("мектептерде", "мектеп"),
        ],
    )
    def test_strips_plural_possessive_and_case_when_word_is_inflected(self, word, stem):
        assert kyrgyz.stem(word) == stem

    @pytest.mark.parametrize("word", ["тоо", "ата", "элдин", "кыргыз"])
    def test_keeps_word_when_stripping_would_leave_fewer_than_three_letters(self, word):
        assert kyrgyz.stem(word) == word


class StemmedTextTests:
    def test_russian_forms_share_a_stem_when_text_is_russian(self):
        assert stemmed_text("журналисты", "ru") == stemmed_text("Журналистов", "ru")

    def test_yo_is_folded_when_writer_uses_it(self):
        assert stemmed_text("ёлка", "ru") == stemmed_text("елка", "ru")

    def test_latin_words_are_stemmed_as_english_when_text_is_russian(self):
        assert stemmed_text("journalists", "ru") == "journalist"

    def test_words_are_kept_whole_when_language_has_no_stemmer(self):
        assert stemmed_text("Journalists", "de") == "journalists"


class ParseQueryTests:
    @pytest.mark.parametrize(
        "raw",
        ['"', "*", "NEAR(a b)", "a AND b", "-a", "(a", "^a", "a:b", "'; DROP TABLE x; --", "\x00"],
    )
    def test_keeps_only_plain_words_when_query_has_operators(self, raw):
        parsed = parse_query(raw)
        assert all(word.isalnum() for word in parsed.words)

    def test_cuts_query_and_says_so_when_query_is_too_long(self):
        parsed = parse_query("слово " * 2000)
        assert len(parsed.text) == MAX_QUERY_CHARS
        assert parsed.truncated

    def test_has_no_words_when_query_is_only_punctuation(self):
        assert parse_query(' "*()^:- ').words == ()

    def test_variants_cover_every_language_when_query_language_is_unknown(self):
        parsed = parse_query("журналисты")
        assert {"журналист", "журналисты"} <= parsed.variants("журналисты")


class SnippetTests:
    def test_marks_every_form_of_query_word_when_text_is_russian(self):
        stems = parse_query("журналисты").all_stems()
        html = snippet("Много журналистов и один журналист.", "ru", stems)
        assert html == "Много <mark>журналистов</mark> и один <mark>журналист</mark>."

    def test_escapes_text_when_post_contains_markup_characters(self):
        stems = parse_query("tag").all_stems()
        assert highlight("<b>tag</b> & co", "en", stems) == (
            "&lt;b&gt;<mark>tag</mark>&lt;/b&gt; &amp; co"
        )

    def test_shows_passage_around_match_when_text_is_long(self):
        stems = parse_query("needle").all_stems()
        text = "hay " * 500 + "needle " + "hay " * 500
        html = snippet(text, "en", stems)
        assert "<mark>needle</mark>" in html
        assert html.startswith("…") and html.endswith("…")
        assert len(html) < SNIPPET_CHARS + 40

    def test_shows_opening_when_only_title_matches(self):
        stems = parse_query("absent").all_stems()
        assert snippet("The opening words.", "en", stems) == "The opening words."
