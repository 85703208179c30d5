"""Event mentions and merged events: merging rules, determinism, idempotent and
resumable ingest with the coder, readers during writes."""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from itertools import islice
from pathlib import Path

import pytest
from rich.console import Console

from eventwire.document import Document, Metadata, OffsetMap, Part
from eventwire.event import Entity, Event, Evidence, Place
from eventwire.store import Database, open_database
from eventwire.store.ingest import ingest_paths
from eventwire.store.merge import (
    MentionRow,
    compatible_date,
    date_precision,
    month_shift,
    parse_day,
    quad_class,
    reference_month,
)
from eventwire.store.synthetic import synthetic_documents, text_coder

NOW = "2026-01-01T00:00:00Z"


def make_doc(text: str, published: str | None = None, url: str | None = None) -> Document:
    return Document(
        source=f"mem/{abs(hash(text))}.txt",
        name=f"{abs(hash(text)) % 10_000}.txt",
        raw=text,
        meta=Metadata(title=text[:20], url=url, published=published),
        parts=[Part("body", text, OffsetMap.identity(0, len(text)))],
        lang="fr",
    )


def make_event(
    text: str,
    date: str | None,
    *,
    type_: str = "CONSULT",
    actor: str = "RUS",
    recipient: str = "VNM",
    place: Place | None = None,
    part: str = "body",
    name: str | None = "Andreï Kartapolov",
) -> Event:
    return Event(
        type=type_, mode="visit", actor=[Entity(actor, "MIL", name)],
        recipient=[Entity(recipient, "MIL", None)], date=date, date_end=None, place=place,
        status="occurred", part=part, evidence=Evidence(text, 0, 0, len(text), 0, len(text)),
        cameo="042", score=1.9,
    )  # fmt: skip


def store(db: Database, *items: tuple[str, str | None, list[Event]]) -> None:
    """Store (text, published, events) documents, one transaction each."""
    for text, published, events in items:
        db.writer.store_coded([(make_doc(text, published), events)], NOW)


HANOI = Place("Hanoï", "VNM", 21.03, 105.85)


# -- merging rules -------------------------------------------------------------


def test_same_event_from_two_documents_is_one_event_with_two_sources(tmp_path: Path) -> None:
    a = "Le général russe Kartapolov effectue une visite au Vietnam."
    b = "Visite au Vietnam du vice-ministre russe de la Défense Kartapolov."
    with open_database(tmp_path / "e.db") as db:
        store(
            db,
            (a, "2019-10-21", [make_event(a, "2019-10-21", place=HANOI)]),
            (b, "2019-10-22", [make_event(b, "2019-10-21")]),
        )
        [event] = db.events()
        assert (event.num_mentions, event.num_articles, event.num_sources) == (2, 2, 2)
        assert {s.evidence for s in event.sources} == {a, b}
        assert event.place == HANOI  # the more precise place of the two
        assert db.event_counts()["mentions"] == 2


def test_disagreeing_dates_stay_visible(tmp_path: Path) -> None:
    a, b = "Rencontre le 20 janvier.", "Rencontre le 21 janvier."
    with open_database(tmp_path / "d.db") as db:
        store(
            db,
            (a, "2019-01-22", [make_event(a, "2019-01-20")]),
            (b, "2019-01-22", [make_event(b, "2019-01-21")]),
        )
        [event] = db.events()
        assert event.dates_reported == ["2019-01-20", "2019-01-21"]
        assert event.date in event.dates_reported
        assert {s.date for s in event.sources} == {"2019-01-20", "2019-01-21"}


def test_events_two_days_apart_or_elsewhere_stay_apart(tmp_path: Path) -> None:
    texts = [f"Rencontre numéro {i}." for i in range(4)]
    moscow = Place("Moscou", "RUS", 55.75, 37.62)
    with open_database(tmp_path / "s.db") as db:
        store(
            db,
            (texts[0], "2019-03-10", [make_event(texts[0], "2019-03-01", place=HANOI)]),
            (texts[1], "2019-03-10", [make_event(texts[1], "2019-03-03", place=HANOI)]),
            (texts[2], "2019-03-10", [make_event(texts[2], "2019-03-01", place=moscow)]),
            # Another type, same day and place: another event.
            (texts[3], "2019-03-10", [make_event(texts[3], "2019-03-01", type_="AGREE")]),
        )
        events = db.events()
        assert len(events) == 4
        assert all(e.num_mentions == 1 for e in events)


def test_teaser_without_date_joins_the_dated_event(tmp_path: Path) -> None:
    article = "Le général russe a visité Hanoï le 21 octobre."
    teaser = "Voir plus : visite du général russe."
    other = "Autre visite, en mars."
    with open_database(tmp_path / "t.db") as db:
        store(
            db,
            (other, "2019-03-02", [make_event(other, "2019-03-01")]),
            (article, "2019-10-22", [make_event(article, "2019-10-21", place=HANOI)]),
            (teaser, "2019-10-25", [make_event(teaser, None, part="teaser")]),
        )
        events = db.events()
        assert [e.num_mentions for e in events] == [1, 2]
        october = events[1]
        assert october.date == "2019-10-21" and october.place == HANOI
        assert {s.part for s in october.sources} == {"body", "teaser"}


def test_dyad_is_unordered_and_participants_decide(tmp_path: Path) -> None:
    a, b = "Le Vietnam reçoit la Russie.", "La Russie reçoit le Vietnam."
    with open_database(tmp_path / "u.db") as db:
        store(
            db,
            (a, "2019-05-02", [make_event(a, "2019-05-01", actor="VNM", recipient="RUS")]),
            (b, "2019-05-02", [make_event(b, "2019-05-01", actor="RUS", recipient="VNM")]),
        )
        # Same type, same participants, same day: one event, whichever direction.
        [event] = db.events(dyad="VNM-RUS")
        assert event.num_mentions == 2
        assert db.events(dyad="RUS-VNM")[0].id == event.id
        assert db.events(dyad="RUS-CHN") == []


def test_date_rules() -> None:
    day = parse_day("2019-01-31")
    assert day is not None
    assert compatible_date("2019-02-01", day) and not compatible_date("2019-02-02", day)
    assert compatible_date("--01-30", day) and not compatible_date("--03-31", day)
    assert compatible_date("2019-01", day) and compatible_date("2019-02", day)
    assert compatible_date("2019", day) and not compatible_date("2018", day)
    assert compatible_date(None, day)
    assert [date_precision(d) for d in ("2019-01-31", "--01-31", "2019-01", "2019", None)] == [
        4, 3, 2, 1, 0,
    ]  # fmt: skip
    assert reference_month("2019-01-31", "2019-02-03") == "2019-01"
    assert reference_month("--01-31", "2019-02-03") == "2019-02"
    assert reference_month(None, None) == ""
    assert month_shift("2019-01", -1) == "2018-12" and month_shift("2019-12", 1) == "2020-01"
    assert quad_class("CONSULT", "042") == 1 and quad_class("ASSAULT", None) == 4
    assert quad_class("AID", "070") == 2 and quad_class("ACCUSE", "112") == 3
    assert MentionRow.__dataclass_fields__["ref_month"].default == ""


# -- determinism -----------------------------------------------------------------


def _events_dump(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT * FROM events ORDER BY id").fetchall()
        rows += conn.execute("SELECT id, event_id FROM mentions ORDER BY id").fetchall()
        rows += conn.execute("SELECT * FROM event_dyads ORDER BY event_id, a, b").fetchall()
        rows += conn.execute("SELECT * FROM event_countries ORDER BY 1, 2, 3").fetchall()
        rows += conn.execute("SELECT * FROM actors ORDER BY id").fetchall()
        return rows
    finally:
        conn.close()


def test_merging_does_not_depend_on_arrival_order(tmp_path: Path) -> None:
    # Dense on purpose: few dyads and two months, so events are retold,
    # a day off, or undated, across month boundaries.
    from datetime import date

    corpus = list(
        synthetic_documents(1500, seed=5, repeat_share=0.5, start=date(2019, 1, 20), days=50)
    )
    bulk, shuffled = tmp_path / "bulk.db", tmp_path / "shuffled.db"
    with open_database(bulk) as db:
        db.writer.store_coded(corpus, NOW, merge=False)
        db.writer.merge_all()
    order = corpus[:]
    random.Random(3).shuffle(order)
    with open_database(shuffled) as db:
        stream = iter(order)
        while batch := list(islice(stream, random.Random(len(order)).randint(1, 40))):
            db.writer.store_coded(batch, NOW)
        merged = db.event_counts()
        assert merged["mentions"] == 1500
        assert merged["events"] < 1400  # retold events were merged
        # Re-merging everything from scratch changes nothing either.
        before = _events_dump(shuffled)
        db.writer.merge_all()
    assert _events_dump(shuffled) == before
    assert _events_dump(bulk) == before


# -- ingest with a coder ---------------------------------------------------------


def _corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    rng = random.Random(11)
    codes = ("VNM", "RUS", "CHN", "FRA", "USA")
    for i in range(n):
        sentences = [
            f"Le pays {rng.choice(codes)} a reçu une délégation de {rng.choice(codes)} hier"
            for _ in range(3)
        ]
        (folder / f"{i:04d}.txt").write_text(f"Titre {i}\n\n" + ". ".join(sentences) + ".\n")


def test_ingest_with_coder_twice_changes_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _corpus(corpus, 30)
    db_path = tmp_path / "c.db"
    quiet = Console(file=io.StringIO())
    # A document-only ingest first: the coded run must code what it stored.
    ingest_paths([corpus], db_path, quiet)
    first = ingest_paths([corpus], db_path, quiet, coder=text_coder)
    assert first.coded == 30 and first.documents_new == 0
    assert first.mentions == first.totals["mentions"] > 30
    before = _events_dump(db_path)
    second = ingest_paths([corpus], db_path, quiet, coder=text_coder)
    assert (second.coded, second.mentions) == (0, 0)
    assert second.totals == first.totals
    assert _events_dump(db_path) == before
    assert "event mentions" in _render(second.render())


def test_a_coder_failure_skips_coding_not_the_document(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _corpus(corpus, 4)

    def fragile(doc: Document) -> list[Event]:
        if doc.name == "0002.txt":
            raise ValueError("parser crashed")
        return text_coder(doc)

    db_path = tmp_path / "f.db"
    summary = ingest_paths([corpus], db_path, Console(file=io.StringIO()), coder=fragile)
    [skip] = summary.skipped
    assert "coding failed: ValueError: parser crashed" in skip.reason
    assert summary.totals["documents"] == 4 and summary.totals["coded documents"] == 3
    # The next run codes the document the coder failed on.
    again = ingest_paths([corpus], db_path, Console(file=io.StringIO()), coder=text_coder)
    assert again.coded == 1 and again.totals["coded documents"] == 4


def _render(renderable: object) -> str:
    console = Console(file=io.StringIO(), width=120)
    console.print(renderable)
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


# -- processes -------------------------------------------------------------------

INGEST = """
import sys
from pathlib import Path
from rich.console import Console
from eventwire.store.ingest import ingest_paths
from eventwire.store.synthetic import text_coder
ingest_paths([Path(sys.argv[1])], Path(sys.argv[2]), Console(stderr=True), batch_documents=4,
             coder=text_coder)
"""

WRITER = """
import sys
from itertools import islice
from eventwire.store import open_database
from eventwire.store.synthetic import synthetic_documents
with open_database(sys.argv[1]) as db:
    stream = synthetic_documents(int(sys.argv[2]), seed=9, repeat_share=0.6, days=60)
    while batch := list(islice(stream, 3)):
        db.writer.store_coded(batch, "2026-01-01T00:00:00Z")
"""

READER = """
import sys, time
from eventwire.store import open_database
from eventwire.store.query import snapshot
deadline = time.monotonic() + float(sys.argv[2])
checks = 0
with open_database(sys.argv[1]) as db:
    while time.monotonic() < deadline:
        for event in db.events():
            assert event.num_mentions == len(event.sources), (event.id, event.sources)
            assert event.num_articles == len({s.document_id for s in event.sources})
        with snapshot(db.reader) as conn:
            orphans = conn.execute(
                "SELECT COUNT(*) FROM mentions m LEFT JOIN events e ON e.id = m.event_id "
                "WHERE e.id IS NULL").fetchone()[0]
            counted = conn.execute("SELECT COALESCE(SUM(num_mentions), 0) FROM events").fetchone()[0]
            mentions = conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0]
        assert orphans == 0, f"{orphans} mentions without their event"
        assert counted == mentions, (counted, mentions)
        checks += 1
print(checks)
"""


def test_readers_never_see_partial_events_while_a_process_writes(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    Database(path).close()  # migrated before anyone starts
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), "1500"], env=env, stderr=subprocess.PIPE
    )
    readers = [
        subprocess.Popen(
            [sys.executable, "-c", READER, str(path), "6"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        for _ in range(2)
    ]
    for proc in readers:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err.decode()[-2000:]
        assert int(out) > 3, "the reader made too few checks to mean anything"
    _, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err.decode()[-2000:]
    with open_database(path) as db:
        assert db.event_counts()["mentions"] == 1500


def _committed_mentions(path: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.1)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs POSIX signals")
def test_killed_coded_ingest_resumes_to_the_same_events(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _corpus(corpus, 120)
    shutil.copy(corpus / "0003.txt", corpus / "copy.txt")
    killed, whole = tmp_path / "killed.db", tmp_path / "whole.db"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    command = [sys.executable, "-c", INGEST, str(corpus)]
    proc = subprocess.Popen(command + [str(killed)], env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
        os.kill(proc.pid, signal.SIGSTOP)
        if _committed_mentions(killed):
            break
        os.kill(proc.pid, signal.SIGCONT)
    proc.kill()
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    stored = _committed_mentions(killed)
    for db in (killed, whole):
        subprocess.run(command + [str(db)], env=env, check=True, capture_output=True)
    assert 0 < stored < _committed_mentions(whole)
    assert _events_dump(killed) == _events_dump(whole)


def test_jsonl_records_carry_sources(tmp_path: Path) -> None:
    from eventwire.store.render import show_events

    a, b = "Visite russe au Vietnam.", "Le Vietnam accueille une visite russe."
    with open_database(tmp_path / "j.db") as db:
        store(
            db,
            (a, "2019-10-21", [make_event(a, "2019-10-21")]),
            (b, "2019-10-21", [make_event(b, "2019-10-20")]),
        )
    out = io.StringIO()
    assert show_events(tmp_path / "j.db", Console(file=out), fmt="jsonl") == 1
    [record] = [json.loads(line) for line in out.getvalue().splitlines()]
    assert record["type"] == "CONSULT" and len(record["sources"]) == 2
    assert {s["evidence"] for s in record["sources"]} == {a, b}
    assert record["dates_reported"] == ["2019-10-20", "2019-10-21"]


def test_two_mentions_of_one_document_stay_two_events(tmp_path: Path) -> None:
    # The coder merges what one article tells twice; what it leaves apart stays apart,
    # and a copy of the article pairs with it event by event.
    text = "La Chine accuse les États-Unis. Plus tard, la Chine accuse encore les États-Unis."
    copy = text + " (Avec AFP)"
    first = [make_event(text, None, type_="ACCUSE", actor="CHN", recipient="USA", name=None)
             for _ in range(2)]  # fmt: skip
    second = [make_event(copy, None, type_="ACCUSE", actor="CHN", recipient="USA", name=None)
              for _ in range(2)]  # fmt: skip
    with open_database(tmp_path / "two.db") as db:
        store(db, (text, "2019-05-02", first), (copy, "2019-05-02", second))
        events = db.events()
        assert len(events) == 2
        for event in events:
            assert event.num_articles == 2
            assert sorted(s.mention_id.rsplit(":")[1] for s in event.sources) in (
                ["0", "0"], ["1", "1"],
            )  # fmt: skip


# -- the whole road, with the real coder -----------------------------------------------


def _ingest_with_coder(corpus: Path, db: Path) -> tuple[int, int]:
    from eventwire.store.ingest import pipeline_coder

    summary = ingest_paths([corpus], db, Console(file=io.StringIO()), coder=pipeline_coder)
    assert summary.skipped == []
    return summary.documents_new, summary.mentions


@pytest.mark.slow
def test_wire_story_republished_by_a_second_outlet(dev_dir: Path, tmp_path: Path) -> None:
    text = (dev_dir / "101_pologne-szydlo-accueille-troupes-americaines.txt").read_text("utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "agency.txt").write_text(text, encoding="utf-8")
    # The commonest duplicate in news: the agency copy with another sign-off.
    (corpus / "outlet.txt").write_text(text.rstrip() + "\n\n(Avec AFP)\n", encoding="utf-8")
    db = tmp_path / "wire.db"
    documents, mentions = _ingest_with_coder(corpus, db)
    assert documents == 2
    with open_database(db) as store_:
        events = store_.events()
        assert len(events) >= 3, "the coder found too few events for the test to mean much"
        assert mentions == 2 * len(events)
        for event in events:
            assert (event.num_mentions, event.num_articles) == (2, 2), event
            assert len({s.evidence for s in event.sources}) == 1
        before = _events_dump(db)
    # Ingesting again changes nothing.
    assert _ingest_with_coder(corpus, db) == (0, 0)
    assert _events_dump(db) == before


@pytest.mark.slow
def test_two_differently_worded_reports_merge(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # Two reports written for this test: another wording, another dateline, one event.
    (corpus / "a.txt").write_text(
        "Le Vietnam et la Russie renforcent leur coopération\n\n"
        "Hanoi, 21 octobre 2019 (VNA) - Le ministre vietnamien de la Défense a reçu lundi "
        "à Hanoi le vice-ministre russe de la Défense.\n",
        encoding="utf-8",
    )
    (corpus / "b.txt").write_text(
        "Visite d'un vice-ministre russe au Vietnam\n\n"
        "Moscou, 22 octobre 2019 - Le vice-ministre russe de la Défense a été reçu lundi "
        "21 octobre par le ministre vietnamien de la Défense, à Hanoï.\n",
        encoding="utf-8",
    )
    db = tmp_path / "reports.db"
    _ingest_with_coder(corpus, db)
    with open_database(db) as store_:
        [event] = store_.events(type="CONSULT", dyad="VNM-RUS", since="2019-10-21")
    assert event.date == "2019-10-21" and event.num_articles == 2
    assert event.place is not None and event.place.country == "VNM"


def test_undated_reports_of_one_country_merge_only_at_one_place(tmp_path: Path) -> None:
    texts = [f"Le gouvernement a cédé, version {i}." for i in range(4)]
    paris = Place("Paris", "FRA", 48.86, 2.35)

    def alone(text: str, place: Place | None) -> Event:
        event = make_event(text, None, type_="CONCEDE", actor="FRA", place=place, name=None)
        event.recipient = []
        return event

    with open_database(tmp_path / "one.db") as db:
        store(
            db,
            (texts[0], "2017-04-02", [alone(texts[0], None)]),
            (texts[1], "2017-04-03", [alone(texts[1], None)]),
            (texts[2], "2017-04-03", [alone(texts[2], paris)]),
            (texts[3], "2017-04-05", [alone(texts[3], paris)]),
        )
        assert sorted(e.num_mentions for e in db.events()) == [1, 1, 2]
        # A dyad, undated, the same month: one story.
        a, b = "Talks, first report.", "Talks, second report."
        store(db, (a, "2017-04-02", [make_event(a, None)]), (b, "2017-04-09", [make_event(b, None)]))
        assert [e.num_mentions for e in db.events(dyad="VNM-RUS")] == [2]


def test_reports_a_day_apart_across_a_month_end_merge(tmp_path: Path) -> None:
    texts = [f"Rencontre, rapport {i}." for i in range(5)]
    with open_database(tmp_path / "end.db") as db:
        store(
            db,
            (texts[0], "2019-02-01", [make_event(texts[0], "2019-01-31")]),
            (texts[1], "2019-02-02", [make_event(texts[1], "2019-02-01")]),
            # 30 April starts a group that takes the 1st of May? No: the 30th takes
            # itself and nothing of May, because a group covers two days only.
            (texts[2], "2019-05-01", [make_event(texts[2], "2019-04-29")]),
            (texts[3], "2019-05-01", [make_event(texts[3], "2019-04-30")]),
            (texts[4], "2019-05-02", [make_event(texts[4], "2019-05-01")]),
        )
        events = db.events()
        assert [(e.dates_reported, e.num_mentions) for e in events] == [
            (["2019-01-31", "2019-02-01"], 2),
            (["2019-04-29", "2019-04-30"], 2),
            (["2019-05-01"], 1),
        ]
