"""The parse stage: entities are recognised only where the coder reads them, and the
events are exactly those of a full parse."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.document import Document, Metadata, Part
from eventwire.parse import FULL_PARSE_ENV, parse_parts
from eventwire.pipeline import extract_records


def _part(kind: str, text: str) -> Part:
    return Part(kind, text, None)  # type: ignore[arg-type]


def test_entities_only_in_parts_that_may_tell_an_event() -> None:
    parts = [
        _part("body", "Le président Emmanuel Macron a reçu Angela Merkel à Paris."),
        _part("body", "Emmanuel Macron est né à Amiens, au nord de Paris."),
        _part("teaser_caption", "Le président Emmanuel Macron à Paris."),
    ]
    told, biography, caption = parse_parts(parts, "fr")
    assert any(ent.label_ == "PER" for ent in told.ents), "'reçu' is a trigger: entities kept"
    assert not biography.ents, "no trigger in the part: the recogniser is not run"
    assert any(ent.label_ == "PER" for ent in caption.ents), "captions name whom a teaser shows"
    assert [t.dep_ for t in biography] and biography.has_annotation("DEP"), "still fully parsed"


def test_full_parse_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FULL_PARSE_ENV, "1")
    (sdoc,) = parse_parts([_part("body", "Emmanuel Macron est né à Amiens.")], "fr")
    assert any(ent.label_ == "PER" for ent in sdoc.ents)


def test_same_events_with_and_without_the_shortcut(
    shared_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shortcut may not change one event: every seed, and the dev files of both languages."""
    paths = sorted((shared_dir / "corpus" / "seeds").glob("*.txt"))
    paths += sorted((shared_dir / "corpus" / "dev").glob("*.txt"))
    shortcut = list(extract_records(paths))
    monkeypatch.setenv(FULL_PARSE_ENV, "1")
    full = list(extract_records(paths))
    assert sum(len(r["events"]) for r in full if isinstance(r, dict)) > 200
    assert shortcut == full


def test_a_document_parses_in_order() -> None:
    from eventwire.parse import parse_document

    doc = Document(source="mem", name="mem", raw="", meta=Metadata(), lang="fr")
    doc.parts = [_part("title", "Visite à Hanoi"), _part("body", "Le ministre a signé un accord.")]
    assert [d.text for d in parse_document(doc)] == ["Visite à Hanoi", "Le ministre a signé un accord."]


def test_no_sentence_starts_mid_clause() -> None:
    """The stock parser cuts this sentence after "Nations" and after "l'homme"; the
    verb then loses its subject. Sentences start only after final punctuation."""
    from eventwire.parse import SENTENCE_BOUNDS, load_pipeline

    nlp = load_pipeline("fr")
    text = (
        "La Rapporteuse spéciale des Nations Unies aux droits de l'homme a qualifié ces "
        "arrestations « d'exemple type de répression » . Le gouvernement nie."
    )
    with nlp.select_pipes(disable=[SENTENCE_BOUNDS]):
        assert len(list(nlp(text).sents)) > 2, "the stock parse no longer shows the fault"
    sents = [s.text for s in nlp(text).sents]
    assert sents == [text[: text.index(" Le gouvernement")], "Le gouvernement nie."]
    verb = next(t for t in nlp(text) if t.text == "qualifié")
    assert any(c.dep_ == "nsubj" and c.text == "Rapporteuse" for c in verb.children)


def test_sentences_may_start_after_final_punctuation_a_colon_or_a_line_break() -> None:
    from eventwire.parse import load_pipeline, sentence_bounds

    nlp = load_pipeline("fr")
    sdoc = sentence_bounds(nlp.make_doc("Il est arrivé\nLa délégation : « Un accord. » Puis il a signé"))
    free = [t.text for t in sdoc if t.i > 0 and not t.is_space and t.is_sent_start is None]
    assert free == ["La", "«", "Puis"], "the parser decides there; nowhere else"
    assert all(t.is_sent_start is False for t in sdoc if t.i > 0 and not t.is_space and t.text not in free)


def test_a_person_is_named_by_a_proper_noun() -> None:
    """The recogniser tags "le président kényan" as a person, which hid its demonym."""
    from eventwire.parse import load_pipeline

    text = "Le président kényan a reçu lundi le ministre éthiopien."
    stock = load_pipeline("fr")(text)
    assert any(e.label_ == "PER" and "kényan" in e.text for e in stock.ents), "no longer shows the fault"
    (sdoc,) = parse_parts([_part("body", text)], "fr")
    assert not [e for e in sdoc.ents if e.label_ == "PER" and "kényan" in e.text]
    (named,) = parse_parts([_part("body", "Le président William Ruto a reçu lundi le ministre.")], "fr")
    assert any(e.label_ == "PER" and "Ruto" in e.text for e in named.ents)


def test_hyphenated_country_names_stay_one_token() -> None:
    from eventwire.parse import load_pipeline

    nlp = load_pipeline("fr")
    words = [t.text for t in nlp.tokenizer("Le Royaume-Uni et les Pays-Bas ont rappelé leurs "
                                           "ambassadeurs en Bosnie-Herzégovine.")]
    assert {"Royaume-Uni", "Pays-Bas", "Bosnie-Herzégovine"} <= set(words)
    # an ordinary compound of two names is still cut: "la coopération Vietnam-Russie"
    assert "Vietnam-Russie" not in [t.text for t in nlp.tokenizer("la coopération Vietnam-Russie")]
