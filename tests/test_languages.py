"""Language per document: a folder mixing French and English is coded in both; a document
in another language is stored, and reported as not coded with its language."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console

from eventwire.code import coded_languages
from eventwire.document import Skipped
from eventwire.pipeline import extract_records
from eventwire.store.database import Database
from eventwire.store.ingest import ingest_paths, pipeline_coder

# Texts written for this test.
TEXTS = {
    "fr.txt": "Paris et Hanoï signent un accord\n\nLe ministre français des Affaires étrangères "
              "a signé mardi à Hanoï un accord de coopération avec son homologue vietnamien.\n",
    "en.txt": "Norway and Chile sign a trade deal\n\nThe Norwegian foreign minister signed a "
              "trade agreement with his Chilean counterpart in Oslo on Tuesday, officials said.\n",
    "de.txt": "Neue Gespräche in Berlin\n\nDie Bundesregierung hat am Dienstag in Berlin mit "
              "den Partnern über die Lage gesprochen. Der Minister sagte, man werde die "
              "Entwicklung weiter genau beobachten.\n",
}


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_french_and_english_are_coded() -> None:
    assert {"fr", "en"} <= set(coded_languages())


def test_extract_codes_each_document_in_its_language(mixed: Path) -> None:
    items = list(extract_records([mixed]))
    records = {i["doc"]: i for i in items if isinstance(i, dict)}
    assert {name: r["lang"] for name, r in records.items()} == {"fr.txt": "fr", "en.txt": "en"}
    for name, country in (("fr.txt", "FRA"), ("en.txt", "NOR")):
        agree = [e for e in records[name]["events"] if e["type"] == "AGREE"]
        assert agree and agree[0]["actor"][0]["country"] == country, records[name]["events"]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert len(skipped) == 1 and skipped[0].source.endswith("de.txt")
    assert "not coded" in skipped[0].reason and "'de'" in skipped[0].reason


def test_ingest_stores_every_document_and_reports_the_language_not_coded(
        mixed: Path, tmp_path: Path) -> None:
    db = tmp_path / "mixed.db"
    summary = ingest_paths([mixed], db, Console(quiet=True), coder=pipeline_coder)
    assert summary.documents_new == 3 and summary.coded == 2
    assert [Path(s.source).name for s in summary.skipped] == ["de.txt"]
    assert "'de'" in summary.skipped[0].reason
    with Database(db) as store:
        assert {d.lang for d in store.documents()} == {"fr", "en", "de"}


def test_a_short_english_text_full_of_nigerian_names_is_english(tmp_path: Path) -> None:
    """py3langid reads it as Nigerian Pidgin (pcm) with over 0.9 probability."""
    from eventwire.clean.language import _identifier, identify

    text = ("On Monday Presidents Muhammadu Sani of Nigeria and Olusegun Adebayo of Benin "
            "signed the trade deal.")
    assert _identifier().rank(text)[0][0] == "pcm", "the identifier no longer shows the fault"
    assert identify(text)[0] == "en"
    path = tmp_path / "short.txt"
    path.write_text(text + "\n", encoding="utf-8")
    records = [r for r in extract_records([path]) if isinstance(r, dict)]
    assert records[0]["lang"] == "en" and any(e["type"] == "AGREE" for e in records[0]["events"])
