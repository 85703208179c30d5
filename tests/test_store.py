"""The document store: schema and migrations, idempotent and resumable ingest."""

from __future__ import annotations

import io
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import fields
from pathlib import Path

import pytest
from rich.console import Console

from eventwire import clean as clean_stage
from eventwire.document import Dateline, Document, Metadata, OffsetMap, Part
from eventwire.errors import StoreError
from eventwire.read import read_paths
from eventwire.store import LATEST_VERSION, Database
from eventwire.store.documents import STORED_FIELDS
from eventwire.store.ingest import Summary, ingest_paths
from eventwire.store.schema import Migration, check_order, migrate, schema_version

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# Columns that say when, not what: they differ between two runs of the same ingest.
TIMESTAMPS = {"ingested_at", "applied_at", "coded_at"}


def ingest(paths: list[Path], db: Path) -> Summary:
    return ingest_paths(paths, db, Console(file=io.StringIO()))


def dump(db: Path, *, with_timestamps: bool = True) -> dict[str, list[tuple]]:
    """Every table's rows, ordered, for comparing two databases."""
    conn = sqlite3.connect(db)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                # FTS5 shadow tables hold index segments whose layout depends
                # on how writes were batched; the FTS tables' rows are compared.
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%\\_fts\\_%' ESCAPE '\\' "
                "ORDER BY name"
            )
        ]
        out = {}
        for table in tables:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            if not with_timestamps:
                columns = [c for c in columns if c not in TIMESTAMPS]
            cols = ", ".join(columns)
            out[table] = conn.execute(f"SELECT {cols} FROM {table} ORDER BY {cols}").fetchall()
        return out
    finally:
        conn.close()


def write_corpus(folder: Path, n: int, duplicates: int, seed: int = 7) -> int:
    """``n`` small articles (made-up sentences) plus copies of some under other names.

    Returns the number of distinct texts.
    """
    rng = random.Random(seed)
    words = (
        "le ministre a rencontré son homologue pour discuter de la coopération "
        "économique entre les deux pays qui ont signé un accord sur le commerce"
    ).split()
    folder.mkdir()
    texts = []
    for i in range(n):
        lines = [f"Titre numéro {i}"]
        lines += [" ".join(rng.choices(words, k=14)).capitalize() + "." for _ in range(4)]
        texts.append("\n\n".join(lines) + "\n")
        (folder / f"{i:04d}.txt").write_text(texts[-1], encoding="utf-8")
    for j in range(duplicates):
        (folder / f"copy_{j:03d}.txt").write_text(texts[j * 7 % n], encoding="utf-8")
    return n


# -- schema --------------------------------------------------------------------


def test_new_database_is_migrated_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with Database(path) as db:
        assert db.journal_mode == "wal"
        assert db.schema_version == LATEST_VERSION
        assert db.reader.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    versions = conn.execute("SELECT version, name FROM migrations ORDER BY version").fetchall()
    assert [v for v, _ in versions] == list(range(1, LATEST_VERSION + 1))
    assert versions[0] == (1, "documents and parts")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"migrations", "documents", "document_sources", "parts"} <= tables
    conn.close()
    # Opening again runs nothing more.
    with Database(path) as db:
        count = db.reader.execute("SELECT COUNT(*) FROM migrations").fetchone()[0]
        assert count == LATEST_VERSION


def test_failed_migration_leaves_the_previous_version(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    first = Migration(1, "one", ("CREATE TABLE t1 (x INTEGER)",))
    broken = Migration(2, "two", ("CREATE TABLE t2 (x INTEGER)", "CREATE TABLE t1 (y)"))
    assert migrate(conn, "m.db", [first]) == [1]
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, "m.db", [first, broken])
    assert schema_version(conn) == 1
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 't2'").fetchone() is None
    fixed = Migration(2, "two", ("CREATE TABLE t2 (x INTEGER)",))
    assert migrate(conn, "m.db", [first, fixed]) == [2]
    assert migrate(conn, "m.db", [first, fixed]) == []
    assert schema_version(conn) == 2
    conn.close()


def test_migrations_must_be_numbered_in_order() -> None:
    with pytest.raises(ValueError, match="in order"):
        check_order([Migration(1, "a", ()), Migration(3, "c", ())])


def test_newer_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    Database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO migrations VALUES (?, 'from the future', '2030-01-01T00:00:00Z')",
        (LATEST_VERSION + 1,),
    )
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as info:
        Database(path)
    message = str(info.value)
    assert str(path) in message
    assert f"version {LATEST_VERSION + 1} is newer" in message
    assert "upgrade eventwire" in message


def test_file_that_is_not_sqlite_is_named(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 50, encoding="utf-8")
    with pytest.raises(StoreError, match="not an SQLite database") as info:
        Database(path)
    assert str(path) in str(info.value)
    assert path.read_text(encoding="utf-8").startswith("these are my notes")


def test_other_sqlite_database_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (n INTEGER)")
    conn.close()
    with pytest.raises(StoreError, match="not an eventwire database.*invoices"):
        Database(path)


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Database(tmp_path / "nowhere" / "x.db")


# -- documents ----------------------------------------------------------------


def _document() -> Document:
    raw = "Paris, 3 mai (AFP) -\nLe ministrea rencontré son homologue.\n\nVoir plus\nUn titre\n"
    # "ministrea" repaired into "ministre a": the inserted space is outside
    # every run, and recorded as a gap (an insertion: raw length 0).
    body = "Le ministre a rencontré son homologue."
    b0 = raw.index("Le ministre")
    body_map = OffsetMap(((0, b0, 11), (12, b0 + 11, 26)), len(body), ((11, 1, b0 + 11, 0),))
    t0 = raw.index("Un titre")
    return Document(
        source="corpus/a.jsonl#3",
        name="a.jsonl",
        raw=raw,
        meta=Metadata(title="Un titre", url="https://example.org/a", published="2019-05-03"),
        parts=[
            Part("dateline", "Paris, 3 mai (AFP) -", OffsetMap.identity(0, 20)),
            Part("body", body, body_map),
            Part("teaser_title", "Un titre", OffsetMap.identity(t0, 8), teaser=0),
        ],
        lang="fr",
        lang_score=0.98,
        dateline=Dateline("Paris", "3 mai", "AFP", "--05-03"),
        format="jsonl",
    )


def test_document_round_trip(tmp_path: Path) -> None:
    doc = _document()
    plain = Document(source="b.txt", name="b.txt", raw="Titre\n", parts=[
        Part("title", "Titre", OffsetMap.identity(0, 5))])  # fmt: skip
    with Database(tmp_path / "r.db") as db:
        assert db.writer.store_documents([doc, plain], "2026-01-01T00:00:00Z") == [True, True]
        back = db.document(doc.id)
        assert back == doc
        assert back is not None and back.id == doc.id
        assert db.document(plain.id) == plain
        assert [d.id for d in db.documents()] == sorted([doc.id, plain.id])
        assert [d.id for d in db.documents(lang="fr")] == [doc.id]
        assert db.document("0" * 16) is None
        # Evidence found in the repaired text maps back to the raw text.
        body = back.parts[1]
        start = body.text.index("rencontré")
        s, e = body.offsets.span_to_raw(start, start + len("rencontré"))
        assert back.raw[s:e] == "rencontré"
        assert db.counts() == {"documents": 2, "sources": 2, "parts": 4, "teasers": 1}
        assert db.writer.store_documents([doc], "2026-01-02T00:00:00Z") == [False]
        assert db.counts()["parts"] == 4


def test_store_saves_every_field_of_the_shared_dataclasses() -> None:
    for cls in (Document, Metadata, Dateline, Part):
        declared = {f.name for f in fields(cls)}
        missing = declared - STORED_FIELDS[cls.__name__]
        assert not missing, f"{cls.__name__} fields not stored: {missing} (add a migration)"


def test_empty_dateline_is_not_confused_with_none(tmp_path: Path) -> None:
    doc = _document()
    doc.dateline = Dateline()
    with Database(tmp_path / "d.db") as db:
        db.writer.store_documents([doc], "2026-01-01T00:00:00Z")
        back = db.document(doc.id)
        assert back is not None and back.dateline == Dateline()


def test_readers_are_not_blocked_and_cannot_write(tmp_path: Path) -> None:
    from eventwire.store.documents import insert_document

    path = tmp_path / "w.db"
    with Database(path) as db:
        with db.writer.transaction() as conn:
            insert_document(conn, _document(), "2026-01-01T00:00:00Z")
            # While the writer holds its transaction, another database object
            # opens and reads at once and sees only what was committed.
            started = time.monotonic()
            other = Database(path)
            assert other.counts()["documents"] == 0
            assert time.monotonic() - started < 1.0
        assert other.counts()["documents"] == 1
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            other.reader.execute("DELETE FROM documents")
        other.close()


# -- ingest -------------------------------------------------------------------


def test_ingest_examples_twice_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "ex.db"
    expected = len(list(EXAMPLES.glob("*.txt")))
    first = ingest([EXAMPLES], db)
    assert (first.documents_new, first.documents_present, first.skipped) == (expected, 0, [])
    assert first.parts == first.totals["parts"] > expected
    assert first.totals["documents"] == first.totals["sources"] == expected
    before = dump(db)
    second = ingest([EXAMPLES], db)
    assert (second.documents_new, second.documents_present) == (0, expected)
    assert (second.sources_new, second.parts, second.teasers) == (0, 0, 0)
    assert second.totals == first.totals
    assert dump(db) == before  # timestamps included: not a byte of content moved
    with Database(db) as store:
        for doc in store.documents():
            assert doc.parts, f"{doc.name} stored without parts"
            for part in doc.parts:
                s, e = part.offsets.span_to_raw(0, len(part.text))
                assert 0 <= s <= e <= len(doc.raw)
        # Each stored document is exactly what read + clean gave.
        for item in read_paths([EXAMPLES]):
            assert isinstance(item, Document), item
            assert store.document(item.id) == clean_stage.clean_document(item)


def test_same_text_under_two_names_is_one_document(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = "Accord signé\n\nLes deux pays ont signé un accord de coopération.\n"
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    (corpus / "b.txt").write_text(text, encoding="utf-8")
    (corpus / "c.txt").write_text("Autre titre\n\nUne autre nouvelle.\n", encoding="utf-8")
    db = tmp_path / "s.db"
    summary = ingest([corpus], db)
    assert (summary.documents_new, summary.documents_present, summary.sources_new) == (2, 1, 3)
    with Database(db) as store:
        doc_id = Document("x", "x", text).id
        assert store.sources(doc_id) == [str(corpus / "a.txt"), str(corpus / "b.txt")]
        assert store.counts()["documents"] == 2
    before = dump(db)
    again = ingest([corpus / "b.txt"], db)
    assert (again.documents_new, again.documents_present, again.sources_new) == (0, 1, 0)
    assert dump(db) == before


def test_bad_files_are_reported_and_the_others_stored(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"good{i}.txt").write_text(f"Titre {i}\n\nUn texte numéro {i}.\n", "utf-8")
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe\x00" * 40)
    (corpus / "empty.txt").write_bytes(b"")
    db = tmp_path / "bad.db"
    summary = ingest([corpus], db)
    assert {Path(s.source).name for s in summary.skipped} == {"binary.txt", "empty.txt"}
    assert all(s.reason for s in summary.skipped)
    assert summary.documents_new == 3
    text = _render(summary)
    assert "skipped" in text and "documents new" in text


def test_cli_ingest_exits_1_when_something_was_skipped(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from eventwire.cli import app

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Titre\n\nUn texte.\n", "utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\xff\xfe\x00" * 50)
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 1, result.output
    with Database(tmp_path / "c.db") as store:
        assert store.counts()["documents"] == 1


def test_a_cleaner_failure_skips_one_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a", "b", "c"):
        (corpus / f"{name}.txt").write_text(f"Titre {name}\n\nTexte {name}.\n", "utf-8")
    real = clean_stage.clean_document

    def fragile(doc: Document) -> Document:
        if doc.name == "b.txt":
            raise ValueError("unexpected layout")
        return real(doc)

    monkeypatch.setattr(clean_stage, "clean_document", fragile)
    summary = ingest([corpus], tmp_path / "f.db")
    assert summary.documents_new == 2
    [skip] = summary.skipped
    assert skip.source.endswith("b.txt")
    assert "cleaning failed: ValueError: unexpected layout" in skip.reason


def test_interrupted_ingest_keeps_whole_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, n=12, duplicates=0)
    db = tmp_path / "i.db"
    real = clean_stage.clean_document

    def interrupted(doc: Document) -> Document:
        if doc.name == "0005.txt":
            raise KeyboardInterrupt
        return real(doc)

    monkeypatch.setattr(clean_stage, "clean_document", interrupted)
    with pytest.raises(KeyboardInterrupt):
        ingest([corpus], db)
    with Database(db) as store:  # the five documents cleaned before Ctrl-C are kept
        assert store.counts()["documents"] == 5
    monkeypatch.setattr(clean_stage, "clean_document", real)
    summary = ingest([corpus], db)
    assert (summary.documents_new, summary.documents_present) == (7, 5)


def test_progress_is_shown_on_a_terminal_only(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, n=5, duplicates=0)
    terminal = io.StringIO()
    ingest_paths([corpus], tmp_path / "t.db", Console(file=terminal, force_terminal=True))
    assert "ingesting" in terminal.getvalue() and "5/5" in terminal.getvalue()
    piped = io.StringIO()
    ingest_paths([corpus], tmp_path / "p.db", Console(file=piped, force_terminal=False))
    assert piped.getvalue() == ""


def _render(summary: Summary) -> str:
    console = Console(file=io.StringIO(), width=100)
    console.print(summary.render())
    out = console.file
    assert isinstance(out, io.StringIO)
    return out.getvalue()


# -- kill and resume ----------------------------------------------------------


def _ingest_command(corpus: Path, db: Path, code: bool = False) -> list[str]:
    """The CLI's ingest; documents only unless ``code`` (then spaCy loads in each process)."""
    command = [sys.executable, "-m", "eventwire.cli", "ingest", str(corpus), "--db", str(db)]
    return command if code else [*command, "--no-code"]


def _stored(db: Path) -> int:
    """Documents committed so far, as another process sees them (0 before the schema)."""
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:  # no table yet, or locked while being created
        return 0


def _kill_after_first_commit(proc: subprocess.Popen[bytes], db: Path) -> int:
    """Run ``proc`` in small slices; SIGKILL it as soon as a commit is visible."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        time.sleep(0.002)
        os.kill(proc.pid, signal.SIGSTOP)
        stored = _stored(db)
        if stored or proc.poll() is not None:
            proc.kill()
            proc.wait()
            return stored
        os.kill(proc.pid, signal.SIGCONT)
    proc.kill()
    proc.wait()
    raise AssertionError("no commit within 60 s")


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs POSIX signals")
def test_killed_ingest_resumes_to_the_same_database(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    distinct = write_corpus(corpus, n=240, duplicates=24)
    killed, whole = tmp_path / "killed.db", tmp_path / "whole.db"

    proc = subprocess.Popen(
        _ingest_command(corpus, killed),
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    stored = _kill_after_first_commit(proc, killed)
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    assert 0 < stored < distinct
    # What the kill left: whole documents only.
    conn = sqlite3.connect(killed)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    orphans = conn.execute(
        "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS "
        "(SELECT 1 FROM parts p WHERE p.document_id = d.id)"
    ).fetchone()[0]
    conn.close()
    assert orphans == 0

    for db in (killed, whole):
        run = subprocess.run(_ingest_command(corpus, db), cwd=tmp_path, capture_output=True)
        assert run.returncode == 0, run.stderr.decode()
    resumed = dump(killed, with_timestamps=False)
    assert resumed == dump(whole, with_timestamps=False)
    assert len(resumed["documents"]) == distinct
    assert len(resumed["document_sources"]) == distinct + 24


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs POSIX signals")
def test_killed_coding_ingest_resumes_to_the_same_events(tmp_path: Path) -> None:
    """Kill an ingest that codes events: the rerun ends with the uninterrupted run's events."""
    examples = Path(__file__).resolve().parents[1] / "examples"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    articles = sorted(examples.glob("*.txt"))
    for article in articles:
        (corpus / article.name).write_bytes(article.read_bytes())
    for article in articles[:8]:  # the same story under another name: one document, two sources
        (corpus / f"copy_{article.name}").write_bytes(article.read_bytes())
    killed, whole = tmp_path / "killed.db", tmp_path / "whole.db"

    proc = subprocess.Popen(
        _ingest_command(corpus, killed, code=True),
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    stored = _kill_after_first_commit(proc, killed)
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    assert 0 < stored < len(articles)

    for db in (killed, whole):
        run = subprocess.run(
            _ingest_command(corpus, db, code=True), cwd=tmp_path, capture_output=True
        )
        assert run.returncode == 0, run.stderr.decode()
    resumed = dump(killed, with_timestamps=False)
    assert resumed == dump(whole, with_timestamps=False)
    assert len(resumed["documents"]) == len(articles)
    assert len(resumed["mentions"]) > 50  # the sample corpus does hold events


def test_two_ingests_at_once_store_each_document_once(tmp_path: Path) -> None:
    # Both create the database too: the second waits for the first's migration.
    corpus = tmp_path / "corpus"
    distinct = write_corpus(corpus, n=120, duplicates=12)
    shared, alone = tmp_path / "shared.db", tmp_path / "alone.db"
    procs = [
        subprocess.Popen(
            _ingest_command(corpus, shared),
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    for proc in procs:
        _, stderr = proc.communicate(timeout=120)
        assert proc.returncode == 0, stderr.decode()
    subprocess.run(_ingest_command(corpus, alone), cwd=tmp_path, check=True, capture_output=True)
    together = dump(shared, with_timestamps=False)
    assert together == dump(alone, with_timestamps=False)
    assert len(together["documents"]) == distinct
