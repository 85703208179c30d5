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
