"""Opening the SQLite database: one writer, any number of readers.

The Datasette habit: every write goes through the single ``Writer`` of a
``Database`` (one connection, one lock, explicit transactions), and reads
use their own query-only connections, one per thread. In WAL mode readers
see the last committed state and are never blocked by the writer.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from eventwire.document import Document
from eventwire.errors import StoreError
from eventwire.event import Event
from eventwire.store import documents as rows
from eventwire.store import events as event_rows
from eventwire.store.schema import migrate, schema_version

if TYPE_CHECKING:
    import pyarrow as pa

    from eventwire.store.fts import DocumentHit
    from eventwire.store.query import Stats, StoredActor, StoredEvent

# Seconds a connection waits for another process's lock before giving up.
BUSY_TIMEOUT_S = 30.0
WRITER_CACHE_MIB = 128


def _connect(path: Path, where: str) -> sqlite3.Connection:
    if path.is_dir():
        raise StoreError(f"{where}: is a folder, not a database file")
    if not path.parent.is_dir():
        raise StoreError(f"{where}: folder {path.parent} does not exist")
    try:
        # isolation_level=None: no implicit transactions, we say BEGIN ourselves.
        conn = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
        # The first statement reads the header: this is where a non-SQLite file fails.
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{where}: not an SQLite database or unreadable ({exc})") from exc
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _wal(conn: sqlite3.Connection) -> str:
    """Switch to WAL mode. Two processes creating one database at once: SQLite answers
    "locked" to the second without waiting (the busy timeout does not apply to this
    switch), so it is retried until the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            return str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class Writer:
    """The one path to write: a connection, a lock and transactions."""

    def __init__(self, conn: sqlite3.Connection, where: str) -> None:
        self._conn = conn
        self._lock = threading.RLock()
        self.where = where

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT; ROLLBACK when the block raises.

        IMMEDIATE takes the write lock up front, so two writers queue on the
        busy timeout instead of failing half-way through a transaction.
        """
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise StoreError(f"{self.where}: cannot write ({exc})") from exc
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException as exc:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.OperationalError):
                    raise StoreError(f"{self.where}: write failed ({exc})") from exc
                raise

    def store_documents(self, docs: list[Document], now: str) -> list[bool]:
        """Store cleaned documents (with their parts and sources) in one transaction.

        Returns, per document, whether its text was new to the database.
        """
        with self.transaction() as conn:
            new = [rows.insert_document(conn, doc, now) for doc in docs]
            for doc in docs:
                rows.add_source(conn, doc, now)
            return new

    def store_coded(
        self, coded: list[tuple[Document, list[Event]]], now: str, *, merge: bool = True
    ) -> int:
        """Store documents with their coded events, and merge, in one transaction.

        Returns the number of documents whose text was new. ``merge=False``
        defers merging (a bulk load): call ``merge_pending`` afterwards.
        """
        with self.transaction() as conn:
            new = sum(rows.insert_document(conn, doc, now) for doc, _ in coded)
            changes: event_rows.Changes = {}
            actors: set[str] = set()
            for doc, events in coded:
                rows.add_source(conn, doc, now)
                more = event_rows.insert_mentions(conn, doc, events, now, actors)
                event_rows.add_changes(changes, more)
            event_rows.refresh_actors(conn, actors)
            if merge:
                event_rows.merge_blocks(conn, changes)
            return new

    def recode(self, coded: list[tuple[Document, list[Event]]], now: str) -> int:
        """Replace the events of stored documents by new ones, and merge, in one transaction.

        Returns the number of mentions written. The result is the database a first
        ingest with the new events would have built.
        """
        with self.transaction() as conn:
            changes: event_rows.Changes = {}
            actors: set[str] = set()
            written = 0
            for doc, events in coded:
                event_rows.add_changes(changes, event_rows.remove_mentions(conn, doc.id, actors))
                more = event_rows.insert_mentions(conn, doc, events, now, actors)
                event_rows.add_changes(changes, more)
                written += len(events)
            event_rows.refresh_actors(conn, actors)
            event_rows.merge_blocks(conn, changes)
            return written

    def merge_pending(self) -> int:
        """Merge the mentions a bulk load left unmerged; the events rebuilt."""
        with self.transaction() as conn:
            return event_rows.merge_blocks(conn, event_rows.pending_changes(conn))

    def merge_all(self) -> int:
        """Rebuild every event from the mentions (linear: one sort per block)."""
        with self.transaction() as conn:
            return event_rows.merge_all(conn)

    def close(self) -> None:
        with self._lock:
            self._conn.close()


class Database:
    """An eventwire database: migrated on open, one writer, per-thread readers."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.where = str(path)
        conn = _connect(self.path, self.where)
        try:
            mode = _wal(conn)
            # NORMAL is safe with WAL: a crash loses at most the last commits, never consistency.
            conn.execute("PRAGMA synchronous = NORMAL")
            # Ids are hashes, so inserts land all over the indexes: a page cache
            # larger than SQLite's 2 MB default keeps big ingests from going to disk.
            conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_MIB * 1024}")
            migrate(conn, self.where)
        except sqlite3.Error as exc:  # read-only file, full disk, damaged file...
            conn.close()
            raise StoreError(f"{self.where}: cannot prepare the database ({exc})") from exc
        except BaseException:
            conn.close()
            raise
        self.journal_mode = str(mode).lower()
        self.writer = Writer(conn, self.where)
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()

    # -- reading -------------------------------------------------------

    @property
    def reader(self) -> sqlite3.Connection:
        """This thread's read connection; it refuses writes (query_only)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = _connect(self.path, self.where)
            conn.execute("PRAGMA query_only = ON")
            self._local.conn = conn
            with self._readers_lock:
                self._readers.append(conn)
        return conn

    @property
    def schema_version(self) -> int:
        return schema_version(self.reader)

    def has_document(self, doc_id: str) -> bool:
        return rows.has_document(self.reader, doc_id)

    def document(self, doc_id: str) -> Document | None:
        """The stored document with this id, rebuilt with its parts, or None."""
        return next(rows.select_documents(self.reader, "WHERE id = ?", (doc_id,)), None)

    def documents(self, lang: str | None = None) -> Iterator[Document]:
        """Stored documents (optionally of one language) with their parts, by id."""
        if lang is None:
            return rows.select_documents(self.reader)
        return rows.select_documents(self.reader, "WHERE lang = ?", (lang,))

    def sources(self, doc_id: str) -> list[str]:
        """Every source the document's text was read from, in the order first seen."""
        cur = self.reader.execute(
            "SELECT source FROM document_sources WHERE document_id = ? ORDER BY rowid",
            (doc_id,),
        )
        return [r[0] for r in cur]

    def counts(self) -> dict[str, int]:
        """Rows stored: documents, sources, parts, teasers (distinct teaser units)."""
        one = self.reader.execute
        return {
            "documents": one("SELECT COUNT(*) FROM documents").fetchone()[0],
            "sources": one("SELECT COUNT(*) FROM document_sources").fetchone()[0],
            "parts": one("SELECT COUNT(*) FROM parts").fetchone()[0],
            "teasers": one(
                "SELECT COUNT(*) FROM (SELECT DISTINCT document_id, teaser FROM parts "
                "WHERE teaser IS NOT NULL)"
            ).fetchone()[0],
        }

    def is_coded(self, doc_id: str) -> bool:
        """Whether the coder has seen this document (its mentions are stored)."""
        sql = "SELECT 1 FROM coded_documents WHERE document_id = ?"
        return self.reader.execute(sql, (doc_id,)).fetchone() is not None

    def event_counts(self) -> dict[str, int]:
        """Rows stored: coded documents, event mentions, merged events, actors, places."""
        tables = {
            "coded documents": "coded_documents",
            "mentions": "mentions",
            "events": "events",
            "actors": "actors",
            "places": "places",
        }
        one = self.reader.execute
        return {key: one(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for key, t in tables.items()}

    # -- queries (store/query.py) --------------------------------------

    def events(
        self,
        *,
        actor: str | None = None,
        recipient: str | None = None,
        dyad: str | None = None,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        text: str | None = None,
        text_in: str = "evidence",
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StoredEvent]:
        """Merged events, by date, with their sources.

        ``actor``/``recipient``: a country (ISO3 or IGO) in that role; ``dyad``:
        "VNM-RUS", either way round; ``type``: a PLOVER type; ``since``/``until``:
        YYYY, YYYY-MM or YYYY-MM-DD, inclusive; ``text``: words all found in the
        evidence (``text_in="documents"``: in the reporting documents),
        diacritics ignored.
        """
        from eventwire.store import query

        filters = query.EventFilter(
            actor, recipient, dyad, type, since, until, text, text_in, limit, offset
        )
        return query.select_events(self.reader, filters)

    def count_events(self, **filters: Any) -> int:
        """How many events ``events(**filters)`` would give (without limit)."""
        from eventwire.store import query

        return query.count_events(self.reader, query.EventFilter(**filters))

    def events_table(self, **filters: Any) -> pa.Table:
        """``events(**filters)`` as a pyarrow table (one row per event, sources nested)."""
        from eventwire.store import query

        return query.events_table(self.events(**filters))

    def actors(self, country: str | None = None, name: str | None = None) -> list[StoredActor]:
        from eventwire.store import query

        return query.select_actors(self.reader, country=country, name=name)

    def stats(self, top: int = 10) -> Stats:
        from eventwire.store import query

        return query.select_stats(self.reader, top=top)

    def search_documents(self, text: str, limit: int = 20) -> list[DocumentHit]:
        """Documents whose text matches ``text`` (FTS5, diacritics folded)."""
        from eventwire.store import fts

        return fts.search_documents(self.reader, text, limit)

    # -- lifetime ------------------------------------------------------

    def close(self) -> None:
        with self._readers_lock:
            for conn in self._readers:
                conn.close()
            self._readers.clear()
        self._local = threading.local()
        self.writer.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
