"""Status (occurred, future, negated, hypothetical): one code, each language's words as data.

Sentences written for the tests, parsed with the project's pipelines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.code.status import event_status, status_words
from eventwire.parse import load_pipeline


def status(lang: str, text: str, word: str, governors: tuple[str, ...] = ()) -> str:
    doc = load_pipeline(lang)(text)
    token = next(t for t in doc if t.text == word)
    indices = {t.i for t in doc if t.text in governors}
    return event_status(token, indices)


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("The minister visited Hanoi on Monday.", "visited", "occurred"),
        ("The minister will visit Hanoi next week.", "visit", "future"),
        ("The king is to visit Paris in May.", "visit", "future"),
        ("The president is set to meet his counterpart.", "meet", "future"),
        ("Germany plans to sign the treaty.", "sign", "future"),
        ("The army is expected to withdraw from the town.", "withdraw", "future"),
        ("The president is going to meet the pope.", "meet", "future"),
        ("Ministers are due to sign the accord.", "sign", "future"),
        ("He said the army would withdraw.", "withdraw", "future"),
        ("The upcoming visit was announced.", "visit", "future"),
        ("Next week's summit will take place in Rome.", "summit", "future"),
        ("Leaders to meet in Rome on Friday", "meet", "future"),
    ],
)
def test_english_occurred_and_future(text: str, word: str, expected: str) -> None:
    assert status("en", text, word) == expected


@pytest.mark.parametrize(
    "text, word",
    [
        ("Russia did not sign the treaty.", "sign"),
        ("The envoy didn't attend the talks.", "attend"),
        ("The government has not condemned the raid.", "condemned"),
        ("He has never met the king.", "met"),
        ("The army no longer patrols the border.", "patrols"),
        ("No agreement was reached.", "agreement"),
        ("The talks ended without an agreement.", "agreement"),
        ("The two sides failed to reach an agreement.", "reach"),
    ],
)
def test_english_negated(text: str, word: str) -> None:
    assert status("en", text, word) == "negated"


@pytest.mark.parametrize(
    "text, word",
    [
        ("If troops cross the border, the country will impose sanctions.", "impose"),
        ("The country would impose sanctions if troops crossed the border.", "impose"),
        ("Unless the rebels stop, the army will attack.", "attack"),
        ("The minister could resign.", "resign"),
        ("The union called for a strike.", "strike"),
    ],
)
def test_english_hypothetical(text: str, word: str) -> None:
    assert status("en", text, word) == "hypothetical"


def test_english_refusal_is_an_event_and_what_it_refuses_is_not() -> None:
    text = "Germany refused to sign the deal."
    assert status("en", text, "refused", governors=("refused",)) == "occurred"
    assert status("en", text, "sign", governors=("refused",)) == "hypothetical"


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Le ministre a visité Hanoï lundi.", "visité", "occurred"),
        ("Le ministre se rendra à Hanoï mardi.", "rendra", "future"),
        ("Le président va rencontrer le pape.", "rencontrer", "future"),
        ("La Russie n'a pas signé le traité.", "signé", "negated"),
        ("Les deux pays n'ont eu aucun entretien.", "entretien", "negated"),
        ("Si les troupes franchissent la frontière, le pays imposera des sanctions.", "imposera",
         "hypothetical"),
        ("Le ministre pourrait démissionner.", "démissionner", "hypothetical"),
    ],
)
def test_french_statuses_unchanged(text: str, word: str, expected: str) -> None:
    assert status("fr", text, word) == expected


def test_status_words_are_data_for_both_languages() -> None:
    for lang in ("fr", "en"):
        words = status_words(lang)
        for kind in ("negator", "planning", "suspending", "condition", "future_modifier"):
            assert words[kind], (lang, kind)
    assert "will" in status_words("en")["future_aux"]
    assert status_words("fr")["future_aux"]["aller"] == "Tense=Pres"


def test_unknown_kind_is_an_error_naming_the_line(user_data: Path) -> None:
    from eventwire.errors import DataFileError

    (user_data / "en").mkdir()
    (user_data / "en" / "status.tsv").write_text(
        "# source: test; licence: MIT\nword\tkind\tvalue\nperhaps\tmaybe\t\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="status.tsv:3"):
        status_words("en")
