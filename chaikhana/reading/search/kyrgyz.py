"""A small Kyrgyz suffix stripper: Snowball has no Kyrgyz stemmer.

Kyrgyz is agglutinative: a noun takes plural, possessive and case suffixes in that order
(китеп-тер-иң-ден, "from your books"), each in several forms by vowel harmony
(ы/и/у/ү, а/е/о/ө) and by the last sound of the stem (д/т/н, г/к). We strip at most one
suffix of each kind, from the end inwards: case, then possessive, then plural, longest
form first, and never leave fewer than MIN_STEM letters, so short roots stay whole.

This folds the common inflections of nouns (and of Russian loanwords written in Kyrgyz
texts) onto one stem; it is not a morphological analyser. Consonant alternations
(китеп/китеби) and verb forms are left alone: a search then simply finds fewer forms.
"""

from __future__ import annotations

MIN_STEM = 3


def _forms(*groups: str) -> tuple[str, ...]:
    """Every suffix of the space-separated groups, longest first (so -дан wins over -а)."""
    return tuple(sorted({s for group in groups for s in group.split()}, key=len, reverse=True))


# Case endings: genitive, dative, accusative, locative, ablative, and the locative
# adjective -дагы ("in the city" → "of the city's").
CASES = _forms(
    "нын нин нун нүн дын дин дун дүн тын тин тун түн",
    "га ге го гө ка ке ко кө",
    "ны ни ну нү ды ди ду дү ты ти ту тү",
    "да де до дө та те то тө",
    "дан ден дон дөн тан тен тон төн нан нен нон нөн",
    "дагы деги догу дөгү тагы теги тогу төгү",
)
# Possessives: my, your, his/her/their, our, your (plural); -ы/-и/-у/-ү and -сы… after vowels.
POSSESSIVES = _forms(
    "ым им ум үм",
    "ың иң уң үң",
    "сы си су сү ы и у ү",
    "ыбыз ибиз убуз үбүз быз биз буз бүз",
    "ыңар иңер уңар үңөр ңар ңер ңор ңөр",
)
# Plural: -лар after vowels and most consonants, -дар after voiced ones, -тар after voiceless.
PLURALS = _forms("лар лер лор лөр дар дер дор дөр тар тер тор төр")


def _strip_one(word: str, suffixes: tuple[str, ...]) -> str:
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def stem(word: str) -> str:
    """The stem of one lowercase Kyrgyz word: жаңылыктарыбыздан → жаңылык."""
    for suffixes in (CASES, POSSESSIVES, PLURALS):
        word = _strip_one(word, suffixes)
    return word
