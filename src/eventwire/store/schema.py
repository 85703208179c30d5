"""The database schema as an ordered list of migrations.

A database records every migration it has run in the ``migrations`` table;
its schema version is the highest version recorded there. Opening a database
runs the migrations it lacks, in order, each in its own transaction together
with its ``migrations`` row, so a crash mid-migration leaves the previous
version intact. Later issues (actors, event mentions, merged events, places,
full-text search) ADD migrations at the end of ``MIGRATIONS``; a migration
that has shipped is never edited, because databases in the field already ran it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from eventwire.errors import StoreError


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


# The bookkeeping table exists before any migration, so it is not one of them.
MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""

DOCUMENTS_AND_PARTS = Migration(
    1,
    "documents and parts",
    (
        # One row per distinct text (id = document_id(raw)). The source
        # columns describe the first source the text was read from; every
        # source, the first included, is in document_sources.
        """
        CREATE TABLE documents (
            id                 TEXT PRIMARY KEY,
            source             TEXT NOT NULL,
            name               TEXT NOT NULL,
            format             TEXT NOT NULL,
            url                TEXT,
            title              TEXT,
            published          TEXT,
            meta_lang          TEXT,
            lang               TEXT,
            lang_score         REAL,
            has_dateline       INTEGER NOT NULL DEFAULT 0,
            dateline_place     TEXT,
            dateline_date_text TEXT,
            dateline_agency    TEXT,
            dateline_date      TEXT,
            raw                TEXT NOT NULL,
            ingested_at        TEXT NOT NULL
        )
        """,
        "CREATE INDEX documents_published ON documents (published)",
        "CREATE INDEX documents_lang ON documents (lang)",
        # The same text met under another path (a copy, a JSONL record, a
        # WARC record) is one document with several sources; each source
        # keeps the metadata it came with, so nothing read is lost.
        """
        CREATE TABLE document_sources (
            document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            source      TEXT NOT NULL,
            name        TEXT NOT NULL,
            format      TEXT NOT NULL,
            url         TEXT,
            title       TEXT,
            published   TEXT,
            meta_lang   TEXT,
            ingested_at TEXT NOT NULL,
            PRIMARY KEY (document_id, source)
        )
        """,
        "CREATE INDEX document_sources_source ON document_sources (source)",
        # A cleaned part. ``offsets`` is the OffsetMap as JSON
        # ({"runs": [[text_start, raw_start, length], ...], "gaps": [...]});
        # with ``text_length`` it rebuilds the map, so evidence found in
        # ``text`` maps back to ``raw``. raw_start/raw_end is the raw span the
        # part covers, for queries.
        """
        CREATE TABLE parts (
            document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            idx         INTEGER NOT NULL,
            kind        TEXT NOT NULL,
            teaser      INTEGER,
            text        TEXT NOT NULL,
            text_length INTEGER NOT NULL,
            offsets     TEXT NOT NULL,
            raw_start   INTEGER NOT NULL,
            raw_end     INTEGER NOT NULL,
            PRIMARY KEY (document_id, idx)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX parts_kind ON parts (kind)",
    ),
)

MIGRATIONS: tuple[Migration, ...] = (DOCUMENTS_AND_PARTS,)
LATEST_VERSION = MIGRATIONS[-1].version


def schema_version(conn: sqlite3.Connection) -> int:
    """Highest migration recorded; 0 for a database without the table."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'"
    ).fetchone()
    if not exists:
        return 0
    row = conn.execute("SELECT MAX(version) FROM migrations").fetchone()
    return int(row[0] or 0)


def check_order(migrations: Sequence[Migration]) -> None:
    """Versions must run 1, 2, 3...: a gap or a repeat is a programming error."""
    versions = [m.version for m in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise ValueError(f"migration versions must be 1..{len(versions)} in order, got {versions}")


def migrate(
    conn: sqlite3.Connection, where: str, migrations: Sequence[Migration] = MIGRATIONS
) -> list[int]:
    """Run the migrations ``conn`` lacks; return the versions applied.

    ``conn`` must be in autocommit mode (isolation_level=None) so that the
    transactions here are the only ones. ``where`` names the database in errors.
    """
    check_order(migrations)
    latest = migrations[-1].version if migrations else 0
    # Up to date is the common case: say so without taking the write lock,
    # so opening a database never waits for a writer in another process.
    if _checked_version(conn, where, latest) == latest:
        return []
    _refuse_foreign(conn, where)
    applied = []
    for migration in migrations:
        # Re-read the version inside the write lock: another process may
        # have migrated between our check and our BEGIN.
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = _checked_version(conn, where, latest)
            if version < migration.version:
                _apply(conn, migration)
                applied.append(migration.version)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return applied


def _checked_version(conn: sqlite3.Connection, where: str, latest: int) -> int:
    version = schema_version(conn)
    if version > latest:
        raise StoreError(
            f"{where}: database schema version {version} is newer than this eventwire "
            f"knows (latest {latest}); upgrade eventwire to open it"
        )
    return version


def _apply(conn: sqlite3.Connection, migration: Migration) -> None:
    conn.execute(MIGRATIONS_TABLE)
    for statement in migration.statements:
        conn.execute(statement)
    conn.execute(
        "INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
        (migration.version, migration.name, utc_now()),
    )


def _refuse_foreign(conn: sqlite3.Connection, where: str) -> None:
    """An SQLite file holding other tables but no migrations is not ours: leave it alone."""
    if schema_version(conn):
        return
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    if tables and tables != ["migrations"]:
        shown = ", ".join(sorted(tables)[:5])
        raise StoreError(f"{where}: not an eventwire database (it holds other tables: {shown})")


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
