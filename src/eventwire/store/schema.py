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

EVENTS = Migration(
    2,
    "actors, places, event mentions, merged events",
    (
        # Places as the coder resolved them; id = folded name + country.
        """
        CREATE TABLE places (
            id      TEXT PRIMARY KEY,
            name    TEXT NOT NULL,
            country TEXT,
            lat     REAL,
            lon     REAL
        )
        """,
        # One row per coded event in a document: id = "<document id>:<index>",
        # written in the document's transaction. ``participants`` is the sorted
        # set of actor and recipient countries ("RUS VNM"); ``block`` (type and
        # participants) is what merging compares first. ``event_id`` is the
        # merged event, set in the same transaction.
        """
        CREATE TABLE mentions (
            id           TEXT PRIMARY KEY,
            document_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            idx          INTEGER NOT NULL,
            type         TEXT NOT NULL,
            mode         TEXT,
            status       TEXT NOT NULL,
            part         TEXT NOT NULL,
            date         TEXT,
            date_end     TEXT,
            published    TEXT,
            place_id     TEXT REFERENCES places (id),
            place_name   TEXT,
            cameo        TEXT,
            score        REAL,
            evidence     TEXT NOT NULL,
            part_index   INTEGER NOT NULL,
            text_start   INTEGER NOT NULL,
            text_end     INTEGER NOT NULL,
            raw_start    INTEGER NOT NULL,
            raw_end      INTEGER NOT NULL,
            participants TEXT NOT NULL,
            block        TEXT NOT NULL,
            ref_month    TEXT NOT NULL,
            why          TEXT NOT NULL,
            event_id     TEXT
        )
        """,
        "CREATE INDEX mentions_block ON mentions (block, ref_month)",
        "CREATE INDEX mentions_document ON mentions (document_id)",
        "CREATE INDEX mentions_event ON mentions (event_id)",
        # The actors and recipients of a mention, in their order.
        """
        CREATE TABLE mention_entities (
            mention_id TEXT NOT NULL REFERENCES mentions (id) ON DELETE CASCADE,
            role       TEXT NOT NULL,
            position   INTEGER NOT NULL,
            country    TEXT,
            sector     TEXT,
            name       TEXT,
            actor_id   TEXT,
            PRIMARY KEY (mention_id, role, position)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX mention_entities_actor ON mention_entities (actor_id)",
        # Documents the coder has seen (with how many events it found), so a
        # document stored by a document-only ingest is coded by the next run.
        """
        CREATE TABLE coded_documents (
            document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
            events      INTEGER NOT NULL,
            coded_at    TEXT NOT NULL
        )
        """,
        # Actors: each name, country and sector an actor id was seen with,
        # counted (field "*" counts its mentions). Counts only grow as mentions
        # are inserted once, so they do not depend on the order of documents;
        # the actors row takes the commonest of each.
        """
        CREATE TABLE actor_values (
            actor_id TEXT NOT NULL,
            field    TEXT NOT NULL,
            value    TEXT NOT NULL,
            mentions INTEGER NOT NULL,
            PRIMARY KEY (actor_id, field, value)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE actors (
            id       TEXT PRIMARY KEY,
            name     TEXT,
            country  TEXT,
            sector   TEXT,
            mentions INTEGER NOT NULL
        )
        """,
        "CREATE INDEX actors_country ON actors (country)",
        """
        CREATE VIEW actor_aliases AS
            SELECT actor_id, value AS alias, mentions FROM actor_values WHERE field = 'name'
        """,
        # Merged events: one per real-world event; rebuilt from the mentions
        # of their block, a few months at a time (owner_month: see merge.py),
        # so their content is a function of the mentions only.
        # dates_reported / places_reported (JSON lists) keep disagreeing
        # sources visible. actor / recipient: JSON lists of entities.
        """
        CREATE TABLE events (
            id              TEXT PRIMARY KEY,
            block           TEXT NOT NULL,
            owner_month     TEXT NOT NULL,
            type            TEXT NOT NULL,
            mode            TEXT,
            status          TEXT NOT NULL,
            date            TEXT,
            date_end        TEXT,
            month           TEXT,
            dates_reported  TEXT NOT NULL,
            place_id        TEXT,
            places_reported TEXT NOT NULL,
            participants    TEXT NOT NULL,
            actor           TEXT NOT NULL,
            recipient       TEXT NOT NULL,
            cameo           TEXT,
            score           REAL,
            quad_class      INTEGER,
            evidence        TEXT NOT NULL,
            mention_id      TEXT NOT NULL,
            num_mentions    INTEGER NOT NULL,
            num_articles    INTEGER NOT NULL,
            num_sources     INTEGER NOT NULL,
            document_id     TEXT NOT NULL,
            source_url      TEXT
        )
        """,
        "CREATE INDEX events_block ON events (block, owner_month)",
        "CREATE INDEX events_date ON events (date)",
        "CREATE INDEX events_type_date ON events (type, date)",
        # Filters: a country in a role; an unordered dyad (a <= b, a = b for
        # an event of one country), with the month for timelines.
        """
        CREATE TABLE event_countries (
            event_id TEXT NOT NULL,
            role     TEXT NOT NULL,
            country  TEXT NOT NULL,
            PRIMARY KEY (event_id, role, country)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX event_countries_country ON event_countries (country, role)",
        """
        CREATE TABLE event_dyads (
            event_id TEXT NOT NULL,
            a        TEXT NOT NULL,
            b        TEXT NOT NULL,
            month    TEXT,
            PRIMARY KEY (event_id, a, b)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX event_dyads_month ON event_dyads (a, b, month)",
    ),
)

FULL_TEXT = Migration(
    3,
    "full-text search over parts and evidence",
    (
        # Diacritics folded both ways: "Hanoi" finds "Hanoï", "memorandum" "mémorandum".
        """
        CREATE VIRTUAL TABLE parts_fts USING fts5 (
            text, document_id UNINDEXED, idx UNINDEXED,
            tokenize = 'unicode61 remove_diacritics 2'
        )
        """,
        "INSERT INTO parts_fts (text, document_id, idx) SELECT text, document_id, idx FROM parts",
        """
        CREATE TRIGGER parts_fts_insert AFTER INSERT ON parts BEGIN
            INSERT INTO parts_fts (text, document_id, idx)
            VALUES (new.text, new.document_id, new.idx);
        END
        """,
        """
        CREATE TRIGGER parts_fts_delete AFTER DELETE ON parts BEGIN
            DELETE FROM parts_fts WHERE document_id = old.document_id AND idx = old.idx;
        END
        """,
        # Evidence: an external-content index over mentions (no second copy of the text).
        """
        CREATE VIRTUAL TABLE mentions_fts USING fts5 (
            evidence, content = 'mentions', content_rowid = 'rowid',
            tokenize = 'unicode61 remove_diacritics 2'
        )
        """,
        """
        CREATE TRIGGER mentions_fts_insert AFTER INSERT ON mentions BEGIN
            INSERT INTO mentions_fts (rowid, evidence) VALUES (new.rowid, new.evidence);
        END
        """,
        """
        CREATE TRIGGER mentions_fts_delete AFTER DELETE ON mentions BEGIN
            INSERT INTO mentions_fts (mentions_fts, rowid, evidence)
            VALUES ('delete', old.rowid, old.evidence);
        END
        """,
    ),
)

MIGRATIONS: tuple[Migration, ...] = (DOCUMENTS_AND_PARTS, EVENTS, FULL_TEXT)
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
    applied = []
    for migration in migrations:
        # Re-read the version inside the write lock: another process may
        # have migrated between our check and our BEGIN. (The foreign-tables
        # check too: outside the lock, its two reads could straddle another
        # process's first migration and see its tables but not its version.)
        conn.execute("BEGIN IMMEDIATE")
        try:
            _refuse_foreign(conn, where)
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
