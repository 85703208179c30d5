"""The language's function words are data (``data/<lang>/grammar.tsv``), read by the same rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.code.grammar import KINDS, grammar, grammar_of
from eventwire.code.phrases import make_args
from eventwire.code.rules import is_the_country
from eventwire.code.triggers import lemma_keys
from eventwire.errors import DataFileError
from eventwire.parse import load_pipeline


@pytest.fixture(scope="module")
def en() -> Language:
    return load_pipeline("en")


@pytest.fixture(scope="module")
def fr() -> Language:
    return load_pipeline("fr")


def token(nlp: Language, text: str, word: str):  # type: ignore[no-untyped-def]
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_language_fills_the_kinds_the_rules_need(lang: str) -> None:
    g = grammar(lang)
    for kind in ("recipient_case", "partner_case", "speech_verb", "relative", "definite",
                 "reciprocal_noun", "locative_before", "country_noun", "genitive"):
        assert g[kind], f"{lang}/grammar.tsv has no {kind}"
    assert set(g.words) <= KINDS


def test_an_unknown_kind_is_an_error_naming_the_kind() -> None:
    with pytest.raises(KeyError, match="speach_verb"):
        grammar("en")["speach_verb"]


def test_a_bad_user_row_names_its_file_and_line(user_data: Path) -> None:
    (user_data / "en").mkdir()
    (user_data / "en" / "grammar.tsv").write_text(
        "# source: test; licence: MIT\nword\tkind\tvalue\nproclaim\tspeech_verb\t\n"
        "whereas\tconjunction\t\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"grammar.tsv.*4.*conjunction"):
        grammar("en")


def test_a_user_row_adds_a_word(user_data: Path) -> None:
    (user_data / "en").mkdir()
    (user_data / "en" / "grammar.tsv").write_text(
        "# source: test; licence: MIT\nword\tkind\tvalue\nproclaim\tspeech_verb\t\n",
        encoding="utf-8")
    assert "proclaim" in grammar("en")["speech_verb"]
    assert "say" in grammar("en")["speech_verb"]  # the packaged rows stay


def test_the_parse_says_which_language_to_read(en: Language, fr: Language) -> None:
    assert "say" in grammar_of(en("They say so.")[0])["speech_verb"]
    assert "déclarer" in grammar_of(fr("Ils déclarent.")[0])["speech_verb"]


@pytest.mark.parametrize(("text", "word"), [
    ("The two sides signed a treaty.", "sides"),
    ("Both countries signed a treaty.", "countries"),
])
def test_reciprocal_phrases_in_english(en: Language, text: str, word: str) -> None:
    args = make_args(token(en, text, word), "nsubj")
    assert args and args[0].reciprocal


def test_reciprocal_phrase_in_french(fr: Language) -> None:
    args = make_args(token(fr, "Les deux parties ont signé un traité.", "parties"), "nsubj")
    assert args and args[0].reciprocal


def test_one_side_is_not_reciprocal(en: Language) -> None:
    args = make_args(token(en, "The two officials from Oslo arrived.", "Oslo"), "nmod")
    assert args and not args[0].reciprocal


@pytest.mark.parametrize(("text", "start", "end", "expected"), [
    ("The country will vote.", 0, 2, True),
    ("This country will vote.", 0, 2, True),
    ("The countries will vote.", 0, 2, False),
    ("The minister will vote.", 0, 2, False),
])
def test_the_country_points_to_the_story(en: Language, text: str, start: int, end: int,
                                         expected: bool) -> None:
    assert is_the_country(en(text)[start:end]) is expected


def test_lemma_fallbacks_come_from_the_language(en: Language, fr: Language) -> None:
    signed = token(en, "They signed it.", "signed")
    assert "sign" in lemma_keys(signed)
    signee = token(fr, "La convention signée hier.", "signée")
    assert "signer" in lemma_keys(signee)


def test_a_bare_participle_is_passive_where_the_language_says(en: Language, fr: Language) -> None:
    from eventwire.code.subjects import is_passive

    # French headlines drop the auxiliary of a passive ...
    titre = fr("Trois journalistes arrêtés par la police")
    assert is_passive(next(t for t in titre if t.text == "arrêtés"))
    # ... English ones use the past tense, however the tagger reads it.
    for text in ("The minister signed the deal.", "Athens expelled the ambassador."):
        verb = next(t for t in en(text) if t.pos_ == "VERB")
        assert not is_passive(verb), text
    assert is_passive(token(en, "The deal was signed by the minister.", "signed"))
