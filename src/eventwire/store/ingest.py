"""``eventwire ingest``: read, clean and store documents, resumably.

A document is identified by its text (Document.id), so a run only cleans
and writes documents the database lacks; for the others it records the new
source, if any. Documents are written in batches, each in one transaction
with all their parts: a run killed at any point leaves only whole documents,
and running it again stores exactly what an uninterrupted run would have.

With a ``coder`` (``pipeline_coder``: parse + code), each document's event
mentions go in the same transaction as the document, merged into events
there (store/events.py, store/merge.py); a document stored by a run without
coder is coded by the next run with one.

With ``workers`` (and the pipeline coder), cleaning, parsing and coding run in
that many worker processes (eventwire.workers) while this process reads and
writes: it keeps a bounded window of chunks in flight and writes their results
in reading order, so the database ends up exactly as after a run in process.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from eventwire import clean as clean_stage
from eventwire import read as read_stage
from eventwire.document import Document, Skipped
from eventwire.errors import EventwireError, coding_failure
from eventwire.event import Event
from eventwire.store import documents as rows
from eventwire.store import events as event_rows
from eventwire.store.database import Database
from eventwire.store.schema import utc_now

if TYPE_CHECKING:
    from eventwire.workers import WorkerPool, WorkResult

# A batch is committed after this many documents or seconds, whichever comes
# first: large enough to amortise the commit, small enough that a killed run
# loses little work and progress is visible to readers.
BATCH_DOCUMENTS = 64
BATCH_SECONDS = 2.0

_RECORD_SUFFIX = re.compile(r"#\d+$")

# The code stage as ingest sees it: a cleaned document in, its events out.
Coder = Callable[[Document], list[Event]]


def pipeline_coder(doc: Document) -> list[Event]:
    """Parse (spaCy, loaded once per process) and code one cleaned document."""
    from eventwire.code import code_document
    from eventwire.parse import parse_document

    return code_document(doc, parse_document(doc))


@dataclass
class Summary:
    """What one ingest did (``documents_*``, ``parts``...) and what the database holds after."""

    db_path: Path
    documents_new: int = 0
    documents_present: int = 0  # text already stored (before or earlier in this run)
    sources_new: int = 0  # sources recorded this run, new documents' included
    parts: int = 0  # parts of the new documents
    teasers: int = 0  # teaser units of the new documents
    coded: int = 0  # documents coded this run
    mentions: int = 0  # event mentions stored this run
    skipped: list[Skipped] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    worker_peak_rss: list[int] = field(default_factory=list)  # bytes, one per worker process

    @property
    def documents_read(self) -> int:
        return self.documents_new + self.documents_present

    @property
    def rate(self) -> float:
        """Documents read per second."""
        return self.documents_read / self.seconds if self.seconds > 0 else 0.0

    def render(self) -> Table:
        table = Table(
            title=f"Ingested into {self.db_path}",
            caption=f"{self.documents_read} documents read in {self.seconds:.1f} s "
            f"({self.rate:.0f} documents/s)",
        )
        table.add_column("")
        table.add_column("this run", justify="right")
        table.add_column("in database", justify="right")
        total = self.totals.get
        table.add_row("documents new", str(self.documents_new), str(total("documents", "")))
        table.add_row("documents already stored", str(self.documents_present), "")
        table.add_row("sources new", str(self.sources_new), str(total("sources", "")))
        table.add_row("parts", str(self.parts), str(total("parts", "")))
        table.add_row("teasers", str(self.teasers), str(total("teasers", "")))
        if "mentions" in self.totals:
            table.add_row("documents coded", str(self.coded), str(total("coded documents", "")))
            table.add_row("event mentions", str(self.mentions), str(total("mentions", "")))
            table.add_row("events (merged)", "", str(total("events", "")))
            table.add_row("actors", "", str(total("actors", "")))
        style = "yellow" if self.skipped else None
        table.add_row("skipped", str(len(self.skipped)), "", style=style)
        return table


def ingest_paths(
    paths: list[Path],
    db_path: Path,
    console: Console,
    *,
    batch_documents: int = BATCH_DOCUMENTS,
    coder: Coder | None = None,
    workers: int | None = None,
) -> Summary:
    """Read, clean (and with ``coder``, code) and store every document under ``paths``.

    With a coder, each document's event mentions are written in the document's
    transaction and merged into events there too; a document stored earlier
    without events is coded now.

    ``workers``: None (or 0) cleans, parses and codes in this process; N >= 1
    runs them in N worker processes (only with ``pipeline_coder``, which the
    workers run; without a coder, cleaning alone stays in process).
    """
    parallel = bool(workers) and coder is not None
    if parallel and coder is not pipeline_coder:
        raise ValueError("worker processes run the pipeline coder; pass coder=pipeline_coder")
    started = time.perf_counter()
    summary = Summary(db_path)
    with (
        Database(db_path) as db,
        _pool(workers if parallel else None) as pool,
        _progress(console, paths) as advance,
    ):
        if coder is not None:
            db.writer.merge_pending()  # mentions a bulk load left unmerged
        batch: _Batch = (
            _ParallelBatch(db, summary, batch_documents, pool)
            if pool is not None
            else _Batch(db, summary, batch_documents, coder)
        )
        try:
            for item in read_stage.read_paths(paths):
                advance(item)
                if isinstance(item, Skipped):
                    summary.skipped.append(item)
                else:
                    batch.add(item)
        except BaseException as exc:
            # The documents already cleaned are whole: keep them, unless the
            # database itself is what failed.
            if not isinstance(exc, EventwireError | sqlite3.Error):
                batch.flush_received()
            raise
        batch.flush()
        if pool is not None:
            summary.worker_peak_rss = pool.peak_rss()
        summary.totals = db.counts()
        if coder is not None:
            summary.totals.update(db.event_counts())
    summary.seconds = time.perf_counter() - started
    return summary


class _Batch:
    """Documents waiting for their transaction, with the counts they will add."""

    def __init__(self, db: Database, summary: Summary, size: int, coder: Coder | None) -> None:
        self.db = db
        self.summary = summary
        self.size = size
        self.coder = coder
        self.cleaned: list[Document] = []
        self.known: list[Document] = []  # text already stored: only the source may be new
        self.coded: list[tuple[Document, list[Event]]] = []  # cleaned documents and events
        self.pending: set[str] = set()
        self.last_flush = time.monotonic()

    def add(self, doc: Document) -> None:
        doc_id = doc.id
        if doc_id in self.pending or self.db.has_document(doc_id):
            # Cleaning is the costly step; a text already stored is not cleaned again.
            self.known.append(doc)
            if self.coder and doc_id not in self.pending and not self.db.is_coded(doc_id):
                stored = self.db.document(doc_id)  # stored by a run without the coder
                if stored is not None:
                    self._code(stored)
                    self.pending.add(doc_id)
        else:
            result = clean(doc)
            if isinstance(result, Skipped):
                self.summary.skipped.append(result)
                return
            self.cleaned.append(result)
            self.pending.add(doc_id)
            if self.coder:
                self._code(result)
        if self.due():
            self.flush()

    def _code(self, doc: Document) -> None:
        """Code a cleaned document; a coder failure is reported, the document still stored."""
        assert self.coder is not None
        try:
            events = self.coder(doc)
        except Exception as exc:  # noqa: BLE001 - reported as a skip, never silenced
            reason = coding_failure(exc)
            self.summary.skipped.append(Skipped(doc.source, reason))
            return
        self.coded.append((doc, events))

    def flush(self) -> None:
        if self.cleaned or self.known:
            self._write()
        self.cleaned, self.known, self.coded, self.pending = [], [], [], set()
        self.last_flush = time.monotonic()

    def flush_received(self) -> None:
        """Write what is ready without waiting for more (on an interruption)."""
        self.flush()

    def due(self) -> bool:
        return len(self.cleaned) + len(self.known) >= self.size or (
            time.monotonic() - self.last_flush >= BATCH_SECONDS
        )

    def _write(self) -> None:
        now = utc_now()
        new = present = sources = parts = teasers = 0
        with self.db.writer.transaction() as conn:
            # Documents first: the sources of this batch may refer to them.
            for doc in self.cleaned:
                if rows.insert_document(conn, doc, now):
                    new += 1
                    parts += len(doc.parts)
                    teasers += rows.teaser_units(doc.parts)
                else:  # another process stored it since we looked
                    present += 1
            present += len(self.known)
            for doc in self.cleaned + self.known:
                sources += rows.add_source(conn, doc, now)
            # Events in the documents' transaction: a kill leaves a document
            # with all its events merged, or neither.
            coded = mentions = 0
            changes: event_rows.Changes = {}
            actors: set[str] = set()
            for doc, events in self.coded:
                changed = event_rows.insert_mentions(conn, doc, events, now, actors)
                if changed is not None:  # None: another process coded it first
                    coded += 1
                    mentions += len(events)
                    event_rows.add_changes(changes, changed)
            event_rows.refresh_actors(conn, actors)
            event_rows.merge_blocks(conn, changes)
        # Counted only once committed, so a failed batch does not show as stored.
        s = self.summary
        s.documents_new += new
        s.documents_present += present
        s.sources_new += sources
        s.parts += parts
        s.teasers += teasers
        s.coded += coded
        s.mentions += mentions


@contextmanager
def _pool(workers: int | None) -> Iterator[WorkerPool | None]:
    if not workers:
        yield None
        return
    from eventwire.workers import WorkerPool

    with WorkerPool(workers) as pool:
        yield pool


class _ParallelBatch(_Batch):
    """A batch whose documents are cleaned, parsed and coded by worker processes.

    Documents go to the workers in chunks; results come back in reading order
    and join the batch as ``_Batch.add`` would have put them. A document read
    twice while its first copy is in flight is only a new source, written after
    (or with) that copy.
    """

    def __init__(self, db: Database, summary: Summary, size: int, pool: WorkerPool) -> None:
        super().__init__(db, summary, size, pipeline_coder)
        from eventwire.workers import CHUNK_DOCUMENTS, WorkItem

        self.pool = pool
        self.chunk = CHUNK_DOCUMENTS
        self.work_item = WorkItem
        self.items: list[WorkItem] = []
        self.known_next: list[Document] = []  # to write once the chunk before them is back
        self.window: deque[tuple[list[Document], Future[list[WorkResult]] | None]] = deque()
        self.inflight: set[str] = set()  # ids sent to a worker and not written yet
        self.failed: dict[str, Skipped] = {}  # ids whose cleaning failed in this run

    def add(self, doc: Document) -> None:
        doc_id = doc.id
        if doc_id in self.inflight or self.db.has_document(doc_id):
            self.known_next.append(doc)
            if doc_id not in self.inflight and not self.db.is_coded(doc_id):
                stored = self.db.document(doc_id)  # stored by a run without the coder
                if stored is not None:
                    self.items.append(self.work_item(stored, store=False))
                    self.inflight.add(doc_id)
        else:
            self.items.append(self.work_item(doc))
            self.inflight.add(doc_id)
        if len(self.items) >= self.chunk:
            self._submit()

    def _submit(self) -> None:
        future = self.pool.submit(self.items) if self.items else None
        self.window.append((self.known_next, future))
        self.items, self.known_next = [], []
        while len(self.window) > self.pool.inflight:
            self._receive(*self.window.popleft())

    def _receive(self, known: list[Document], future: Future[list[WorkResult]] | None) -> None:
        for result in future.result() if future is not None else []:
            doc_id = result.item.doc.id
            if result.doc is None:  # could not be cleaned: not stored
                assert result.skipped is not None
                self.summary.skipped.append(result.skipped)
                self.failed[doc_id] = result.skipped
                self.inflight.discard(doc_id)
                continue
            if result.item.store:
                self.cleaned.append(result.doc)
            if result.events is not None:
                self.coded.append((result.doc, result.events))
            elif result.skipped is not None:
                self.summary.skipped.append(result.skipped)
        for doc in known:
            failed = self.failed.get(doc.id)
            if failed is not None:
                self.summary.skipped.append(Skipped(doc.source, failed.reason))
            else:
                self.known.append(doc)
        if self.due():
            self._write_received()

    def _write_received(self) -> None:
        written = {d.id for d in self.cleaned} | {d.id for d, _ in self.coded}
        super().flush()
        self.inflight -= written

    def flush(self) -> None:
        """Send what is left, wait for every chunk, write."""
        if self.items or self.known_next:
            self._submit()
        while self.window:
            self._receive(*self.window.popleft())
        self._write_received()

    def flush_received(self) -> None:
        self._write_received()


def clean(doc: Document) -> Document | Skipped:
    """The cleaned document, or why it cannot be stored.

    A cleaner failure on one document is reported and the batch goes on: one
    odd page must not stop the ingest of a whole crawl.
    """
    if not doc.raw.strip():
        return Skipped(doc.source, "empty document")
    try:
        cleaned = clean_stage.clean_document(doc)
    except Exception as exc:  # noqa: BLE001 - reported as a skip, never silenced
        return Skipped(doc.source, f"cleaning failed: {type(exc).__name__}: {exc}")
    if not cleaned.parts:
        return Skipped(doc.source, "no text left after cleaning")
    return cleaned


@contextmanager
def _progress(console: Console, paths: list[Path]) -> Iterator[_Advance]:
    """A transient bar over the files read, on a terminal only."""
    if not console.is_terminal:
        yield _Advance(None, TaskID(0))
        return
    columns = (
        SpinnerColumn(),
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files, {task.fields[docs]} documents, {task.fields[rate]} documents/s"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("ingest", total=_count_files(paths), docs=0, rate="-")
        yield _Advance(progress, task)


class _Advance:
    """Called with each item read: moves the bar when a new file starts."""

    def __init__(self, progress: Progress | None, task: TaskID) -> None:
        self.progress = progress
        self.task = task
        self.file: str | None = None
        self.documents = 0
        self.started = time.monotonic()

    def __call__(self, item: Document | Skipped) -> None:
        if self.progress is None:
            return
        self.documents += isinstance(item, Document)
        file = _RECORD_SUFFIX.sub("", item.source)
        step = 1 if file != self.file else 0
        self.file = file
        elapsed = time.monotonic() - self.started
        rate = f"{self.documents / elapsed:.1f}" if elapsed > 1 else "-"
        self.progress.update(self.task, advance=step, docs=self.documents, rate=rate)


def _count_files(paths: list[Path]) -> int:
    # Files, not documents: a JSONL or WARC file holds many, unknown in advance.
    return sum(
        sum(1 for f in p.rglob("*") if f.is_file()) if p.is_dir() else 1 for p in map(Path, paths)
    )
