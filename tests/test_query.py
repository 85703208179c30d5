"""Queries over the event database: filters, full text, actors, stats, rendering."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow as pa
import pytest
from rich.console import Console

from eventwire.errors import StoreError
from eventwire.event import Entity, Place
from eventwire.store import open_database
from eventwire.store.fts import match_expression
from eventwire.store.query import dyad_timeline, parse_dyad
from eventwire.store.render import show_actors, show_events, show_search, show_stats
from test_events_store import NOW, make_doc, make_event

HANOI = Place("Hanoï", "VNM", 21.03, 105.85)

# (text, published, type, actor, recipient, date, place)
ROWS = [
    ("Le Vietnam et la Russie ont signé un mémorandum à Hanoï.", "2019-03-05", "AGREE",
     "VNM", "RUS", "2019-03-04", HANOI),
    ("La Russie a reçu le ministre vietnamien.", "2019-07-11", "CONSULT",
     "VNM", "RUS", "2019-07-10", None),
    ("Moscou accuse Pékin.", "2020-01-02", "ACCUSE", "RUS", "CHN", "2020-01-01", None),
    ("La Chine a attaqué un navire vietnamien.", "2019-12-31", "ASSAULT",
     "CHN", "VNM", "2019-12-30", None),
    ("Le Vietnam a rendu hommage à la France.", "2018-06-01", "SUPPORT",
     "VNM", "FRA", "2018-05-31", None),
]  # fmt: skip


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("query") / "q.db"
    with open_database(path) as db:
        for text, published, type_, actor, recipient, date, place in ROWS:
            event = make_event(
                text, date, type_=type_, actor=actor, recipient=recipient, place=place, name=None
            )
            event.cameo = None
            db.writer.store_coded([(make_doc(text, published), [event])], NOW)
        # One actor, two spellings: the coder's id and the folded name agree.
        text = "Andrei Kartapolov est arrivé à Hanoï."
        event = make_event(text, "2019-03-05", place=HANOI)  # named "Andreï Kartapolov"
        event.actor.append(Entity("RUS", "MIL", "Andrei Kartapolov", "andrei-kartapolov"))
        db.writer.store_coded([(make_doc(text, "2019-03-06"), [event])], NOW)
    return path


def types(events: list) -> list[str]:
    return [e.type for e in events]


def test_filters(db_path: Path) -> None:
    with open_database(db_path) as db:
        assert len(db.events()) == 6
        assert types(db.events(actor="VNM")) == ["SUPPORT", "AGREE", "CONSULT"]
        assert types(db.events(recipient="vnm")) == ["CONSULT", "ASSAULT"]
        # Unordered dyad, either spelling.
        assert types(db.events(dyad="RUS-VNM")) == types(db.events(dyad="vnm-rus"))
        assert types(db.events(dyad="VNM-RUS")) == ["AGREE", "CONSULT", "CONSULT"]
        assert types(db.events(type="consult")) == ["CONSULT", "CONSULT"]
        assert types(db.events(since="2019-07", until="2019-12")) == ["CONSULT", "ASSAULT"]
        assert types(db.events(since="2020")) == ["ACCUSE"]
        assert types(db.events(until="2018-05-31")) == ["SUPPORT"]
        assert types(db.events(since="2019-03-04", until="2019-03-04")) == ["AGREE"]
        assert types(db.events(dyad="VNM-RUS", since="2019", limit=1)) == ["AGREE"]


def test_bad_filters_are_named() -> None:
    from eventwire.store.query import EventFilter

    with pytest.raises(StoreError, match="--since '2019/01'"):
        EventFilter(since="2019/01").where()
    with pytest.raises(StoreError, match="two countries"):
        parse_dyad("VNM")
    with pytest.raises(StoreError, match="no word"):
        match_expression(" -- ")


def test_full_text_folds_diacritics(db_path: Path) -> None:
    with open_database(db_path) as db:
        # Evidence: "Hanoi" finds "Hanoï", "memorandum" finds "mémorandum".
        assert types(db.events(text="Hanoi")) == ["AGREE", "CONSULT"]
        assert types(db.events(text="memorandum")) == ["AGREE"]
        assert types(db.events(text="mémorandum hanoi")) == ["AGREE"]
        assert db.events(text="memorandum Pékin") == []  # all words are required
        assert types(db.events(text="kartap*")) == ["CONSULT"]
        # Quotes and FTS operators are words, not syntax.
        assert db.events(text='"NEAR(" OR') == []
        hits = db.search_documents("PEKIN")
        assert [h.snippet for h in hits] == ["Moscou accuse [Pékin]."]
        assert types(db.events(text="pekin", text_in="documents")) == ["ACCUSE"]


def test_events_table_and_timeline(db_path: Path) -> None:
    with open_database(db_path) as db:
        table = db.events_table(dyad="VNM-RUS")
        assert isinstance(table, pa.Table) and table.num_rows == 3
        row = table.to_pylist()[0]
        assert row["place_name"] == "Hanoï" and row["lat"] == pytest.approx(21.03)
        assert row["participants"] == ["RUS", "VNM"]
        assert row["sources"][0]["evidence"].startswith("Le Vietnam et la Russie")
        assert dyad_timeline(db.reader, "RUS-VNM") == [("2019-03", 2), ("2019-07", 1)]


def test_actors(db_path: Path) -> None:
    with open_database(db_path) as db:
        russians = db.actors(country="RUS")
        assert [a.id for a in russians] == ["RUS:MIL", "andrei-kartapolov"]
        assert all(a.country == "RUS" for a in russians)
        # Names match without accents or case: "andrei" finds "Andreï Kartapolov".
        [actor] = db.actors(name="ANDREI")
        assert actor.aliases == ["Andrei Kartapolov", "Andreï Kartapolov"]
        assert actor.name == "Andrei Kartapolov"  # as often as the other: the smaller wins
        assert (actor.mentions, actor.sector) == (2, "MIL")
        assert db.actors(country="FRA", name="andrei") == []
        assert [a.mentions for a in db.actors()] == sorted(
            (a.mentions for a in db.actors()), reverse=True
        )


def test_stats(db_path: Path) -> None:
    with open_database(db_path) as db:
        stats = db.stats(top=3)
    assert stats.events == 6 and stats.mentions == 6
    assert dict(stats.by_type)["CONSULT"] == 2
    assert dict(stats.by_month)["2019-03"] == 2
    top = stats.dyads[0]
    assert (top.a, top.b, top.events) == ("RUS", "VNM", 3)
    assert (top.cooperation, top.conflict) == (3, 0)
    balance = {(d.a, d.b): d for d in stats.dyads}
    assert balance[("CHN", "VNM")].conflict == 1
    assert dict(stats.by_quad_class) == {1: 4, 3: 1, 4: 1}


def _console() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, width=160), out


def test_rendering(db_path: Path) -> None:
    console, out = _console()
    assert show_events(db_path, console, dyad="VNM-RUS") == 3
    assert "3 events" in out.getvalue() and "Hanoï (VNM)" in out.getvalue()
    console, out = _console()
    show_events(db_path, console, fmt="csv", type="AGREE")
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["type"] == "AGREE" and row["place"] == "Hanoï"
    console, out = _console()
    show_events(db_path, console, fmt="jsonl", actor="CHN")
    [record] = [json.loads(x) for x in out.getvalue().splitlines()]
    assert record["sources"][0]["evidence"] == "La Chine a attaqué un navire vietnamien."
    console, out = _console()
    show_actors(db_path, console, country="RUS")
    assert "Kartapolov" in out.getvalue()
    console, out = _console()
    show_stats(db_path, console)
    text = out.getvalue()
    assert "RUS-VNM" in text and "verbal cooperation" in text and "2019-03" in text
    console, out = _console()
    assert show_search(db_path, console, "hanoi") == 2
    with pytest.raises(StoreError, match="no such database"):
        show_stats(db_path.parent / "missing.db", console)


def test_a_document_database_gains_events_and_full_text(tmp_path: Path) -> None:
    # A database made before events existed (schema version 1) is migrated on
    # open, and the full-text index is filled from the parts already stored.
    import sqlite3

    from eventwire.store.documents import insert_document
    from eventwire.store.schema import MIGRATIONS, migrate, schema_version

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, str(path), MIGRATIONS[:1])
    conn.execute("BEGIN")
    insert_document(conn, make_doc("Le sommet s'est tenu à Hanoï.", "2019-02-27"), NOW)
    conn.execute("COMMIT")
    assert schema_version(conn) == 1
    conn.close()
    with open_database(path) as db:
        assert db.schema_version == MIGRATIONS[-1].version
        [hit] = db.search_documents("hanoi")
        assert hit.snippet == "Le sommet s'est tenu à [Hanoï]."
        assert db.events() == [] and db.event_counts()["mentions"] == 0


def test_table_is_limited_and_says_so(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import eventwire.store.render as render

    monkeypatch.setattr(render, "TABLE_LIMIT", 2)
    console, out = _console()
    assert show_events(db_path, console) == 2
    assert "2 of 6 events" in out.getvalue() and "--limit" in out.getvalue()
    console, out = _console()
    assert show_events(db_path, console, fmt="jsonl") == 6  # data formats are not cut
