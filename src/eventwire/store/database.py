"""Opening the SQLite database: one writer, any number of readers.

The Datasette habit: every write goes through the single ``Writer`` of a
``Database`` (one connection, one lock, explicit transactions), and reads
use their own query-only connections, one per thread. In WAL mode readers
see the last committed state and are never blocked by the writer.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from eventwire.document import Document
from eventwire.errors import StoreError
from eventwire.store import documents as rows
from eventwire.store.schema import migrate, schema_version

# Seconds a connection waits for another process's lock before giving up.
BUSY_TIMEOUT_S = 30.0


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
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            # NORMAL is safe with WAL: a crash loses at most the last commits, never consistency.
            conn.execute("PRAGMA synchronous = NORMAL")
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
