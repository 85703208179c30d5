"""``recode``: after a coder change, stored documents are coded again and the database
is the one a first ingest with the new coder would have built."""

from __future__ import annotations

import io
import random
from dataclasses import replace
from pathlib import Path

from rich.console import Console

from eventwire.document import Document
from eventwire.event import Event, Place
from eventwire.store.ingest import ingest_paths
from eventwire.store.recode import recode_database
from eventwire.store.synthetic import text_coder
from test_store import dump


def quiet() -> Console:
    return Console(file=io.StringIO())


def corpus(folder: Path, n: int = 24) -> Path:
    folder.mkdir()
    rng = random.Random(5)
    codes = ("VNM", "RUS", "CHN", "FRA", "USA")
    for i in range(n):
        sentences = [f"Le pays {rng.choice(codes)} a reçu une délégation de {rng.choice(codes)} hier"
                     for _ in range(3)]
        (folder / f"{i:03d}.txt").write_text(f"Titre {i}\n\n" + ". ".join(sentences) + ".\n")
    return folder


def old_coder(doc: Document) -> list[Event]:
    """The first coder: the synthetic one, with a place the new coder no longer gives."""
    return [replace(e, place=Place("Hanoï", "VNM")) for e in text_coder(doc)]


def new_coder(doc: Document) -> list[Event]:
    """Another coder: the same sentences read as the other side rejecting, and one fewer."""
    events = text_coder(doc)
    return [replace(e, type="REJECT", actor=e.recipient, recipient=e.actor, cameo=None, score=None)
            for e in events[1:]]


def test_recode_gives_the_database_a_first_ingest_with_the_new_coder_gives(tmp_path: Path) -> None:
    texts = corpus(tmp_path / "corpus")
    old, fresh = tmp_path / "old.db", tmp_path / "fresh.db"
    ingest_paths([texts], old, quiet(), coder=old_coder)
    ingest_paths([texts], fresh, quiet(), coder=new_coder)
    assert dump(old, with_timestamps=False) != dump(fresh, with_timestamps=False)
    assert dump(old)["places"]  # the old coder's place, which no mention will name

    summary = recode_database(old, quiet(), coder=new_coder, batch_documents=5)
    assert summary.documents == 24 and not summary.skipped
    assert summary.mentions == sum(len(new_coder(d)) for d in _stored(old))
    assert dump(old, with_timestamps=False) == dump(fresh, with_timestamps=False)


def test_recode_twice_changes_nothing_more(tmp_path: Path) -> None:
    texts = corpus(tmp_path / "corpus")
    db = tmp_path / "c.db"
    ingest_paths([texts], db, quiet(), coder=text_coder)
    recode_database(db, quiet(), coder=new_coder)
    once = dump(db, with_timestamps=False)
    recode_database(db, quiet(), coder=new_coder)
    assert dump(db, with_timestamps=False) == once


def test_a_document_the_coder_fails_on_keeps_its_events(tmp_path: Path) -> None:
    texts = corpus(tmp_path / "corpus", 6)
    db = tmp_path / "c.db"
    ingest_paths([texts], db, quiet(), coder=text_coder)
    first = next(iter(_stored(db)))

    def fragile(doc: Document) -> list[Event]:
        if doc.id == first.id:
            raise ValueError("no parse")
        return new_coder(doc)

    summary = recode_database(db, quiet(), coder=fragile)
    assert [s.reason for s in summary.skipped] == ["coding failed: ValueError: no parse"]
    assert summary.documents == 5
    mentions = dump(db, with_timestamps=False)["mentions"]
    kept = [m for m in mentions if str(m[0]).startswith(first.id)]
    assert kept and all("CONSULT" in m for m in kept)  # the old coder's events


def test_only_one_language(tmp_path: Path) -> None:
    texts = corpus(tmp_path / "corpus", 4)
    db = tmp_path / "c.db"
    ingest_paths([texts], db, quiet(), coder=text_coder)
    assert recode_database(db, quiet(), coder=new_coder, lang="en").documents == 0
    assert recode_database(db, quiet(), coder=new_coder, lang="fr").documents == 4


def _stored(db: Path) -> list[Document]:
    from eventwire.store.database import Database

    with Database(db) as store:
        return list(store.documents())


def test_events_that_move_to_another_block_keep_their_ids_without_clash(tmp_path: Path) -> None:
    # The same mentions under another type: each event keeps its id (a hash of its
    # mentions) in its new block, so the old block's events must be gone first.
    def rejecting(doc: Document) -> list[Event]:
        return [replace(e, type="REJECT", cameo=None, score=None) for e in text_coder(doc)]

    texts = corpus(tmp_path / "corpus")
    db, fresh = tmp_path / "c.db", tmp_path / "fresh.db"
    ingest_paths([texts], db, quiet(), coder=rejecting)
    ingest_paths([texts], fresh, quiet(), coder=text_coder)
    recode_database(db, quiet(), coder=text_coder)
    assert dump(db, with_timestamps=False) == dump(fresh, with_timestamps=False)


def test_a_missing_database_is_named_not_created(tmp_path: Path) -> None:
    import pytest

    from eventwire.errors import StoreError

    with pytest.raises(StoreError, match="missing.db: no database"):
        recode_database(tmp_path / "missing.db", quiet(), coder=new_coder)
    assert not (tmp_path / "missing.db").exists()
