"""Read-only views for the dashboard: one event with its mentions, a dyad or
actor timeline, an actor's partners, a document with the events coded in it.

Plain SQL over the schema of schema.py, on any connection (the web server
opens the file read-only with ``connect_readonly``); nothing here writes.
Every value a user gives reaches SQLite as a parameter, never as SQL.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.errors import StoreError
from eventwire.event import Entity
from eventwire.store import fts, query
from eventwire.store.query import EventFilter, StoredEvent, check_period, snapshot
from eventwire.store.schema import LATEST_VERSION, schema_version

# GDELT's QuadClass families (store/merge.py assigns them to events).
FAMILIES = {
    1: "verbal_cooperation",
    2: "material_cooperation",
    3: "verbal_conflict",
    4: "material_conflict",
}
INTERVALS = {"month": 7, "year": 4}  # the prefix of YYYY-MM-DD that names a bucket


# -- opening read-only ---------------------------------------------------------


def connect_readonly(path: Path | str) -> sqlite3.Connection:
    """A connection that cannot write (``mode=ro``), to an up-to-date eventwire database."""
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"{path}: no such database file (run `eventwire ingest` first)")
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        version = schema_version(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not an SQLite database or unreadable ({exc})") from exc
    if version != LATEST_VERSION:
        conn.close()
        # A read-only reader cannot migrate: say who can.
        raise StoreError(
            f"{path}: database schema version {version}, this eventwire reads {LATEST_VERSION}; "
            "open it once with `eventwire ingest` (or `eventwire stats`) to migrate it"
        )
    conn.execute("PRAGMA query_only = ON")
    return conn


class ReadOnlyDatabase:
    """One read-only connection per thread (a web server answers from a thread pool)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        connect_readonly(self.path).close()  # fail now, at start-up, not on the first request
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    @property
    def conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect_readonly(self.path)
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()


# -- events --------------------------------------------------------------------


@dataclass
class Mention:
    """One report of an event, with where its evidence sits in the part text."""

    id: str
    event_id: str | None
    document_id: str
    document_name: str
    title: str | None
    url: str | None
    published: str | None
    type: str
    mode: str | None
    status: str
    date: str | None
    place_name: str | None
    part: str
    part_index: int
    part_kind: str | None
    part_text: str
    text_start: int
    text_end: int
    evidence: str
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)


def _events_where(conn: sqlite3.Connection, where: str, params: Iterable[object],
                  tail: str = "") -> list[StoredEvent]:  # fmt: skip
    sql = (
        f"SELECT {query._EVENT_COLUMNS} FROM events e "
        f"LEFT JOIN places p ON p.id = e.place_id {where} {tail}"
    )
    return [query._event(row) for row in conn.execute(sql, tuple(params))]


def event(conn: sqlite3.Connection, event_id: str) -> StoredEvent | None:
    """One merged event with its sources, or None."""
    with snapshot(conn):
        found = _events_where(conn, "WHERE e.id = ?", (event_id,))
        query._attach_sources(conn, found)
    return found[0] if found else None


def mentions(conn: sqlite3.Connection, event_id: str) -> list[Mention]:
    """Every mention of an event, oldest report first, with its part's text."""
    rows = conn.execute(
        "SELECT m.id, m.event_id, m.document_id, d.name, d.title, d.url, m.published, m.type, m.mode, "
        "m.status, m.date, m.place_name, m.part, m.part_index, pt.kind, COALESCE(pt.text, ''), "
        "m.text_start, m.text_end, m.evidence FROM mentions m "
        "JOIN documents d ON d.id = m.document_id "
        "LEFT JOIN parts pt ON pt.document_id = m.document_id AND pt.idx = m.part_index "
        "WHERE m.event_id = ? ORDER BY m.published IS NULL, m.published, m.id",
        (event_id,),
    ).fetchall()
    found = [Mention(*row) for row in rows]
    _attach_entities(conn, found)
    return found


def _attach_entities(conn: sqlite3.Connection, found: list[Mention]) -> None:
    by_id = {m.id: m for m in found}
    for mention_id, role, country, sector, name, actor_id in conn.execute(
        "SELECT mention_id, role, country, sector, name, actor_id FROM mention_entities "
        f"WHERE mention_id IN ({', '.join('?' for _ in by_id)}) ORDER BY mention_id, role, position",
        list(by_id),
    ):
        target = by_id[mention_id].actor if role == "actor" else by_id[mention_id].recipient
        target.append(Entity(country, sector, name, actor_id))


def latest_events(conn: sqlite3.Connection, limit: int = 10) -> list[StoredEvent]:
    """The most recent dated events, newest first."""
    return _events_where(
        conn, "WHERE e.date IS NOT NULL", (limit,), "ORDER BY e.date DESC, e.id LIMIT ?"
    )


# -- timelines -----------------------------------------------------------------


@dataclass
class Bucket:
    """Events of one period: count and summed PLOVER score per family."""

    period: str
    events: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FAMILIES.values(), 0))
    scores: dict[str, float] = field(
        default_factory=lambda: dict.fromkeys(FAMILIES.values(), 0.0)
    )

    @property
    def cooperation(self) -> int:
        return self.counts["verbal_cooperation"] + self.counts["material_cooperation"]

    @property
    def conflict(self) -> int:
        return self.counts["verbal_conflict"] + self.counts["material_conflict"]


def _timeline(
    conn: sqlite3.Connection, event_ids_sql: str, params: list[object], interval: str,
    filters: EventFilter,
) -> list[Bucket]:  # fmt: skip
    if interval not in INTERVALS:
        raise StoreError(f"interval {interval!r}: expected one of {', '.join(INTERVALS)}")
    where, more = filters.where()
    clauses = [f"e.id IN ({event_ids_sql})", "e.date IS NOT NULL"]
    if where:
        clauses.append(where.removeprefix(" WHERE "))
    rows = conn.execute(
        f"SELECT substr(e.date, 1, {INTERVALS[interval]}) AS period, e.quad_class, COUNT(*), "
        f"COALESCE(SUM(e.score), 0) FROM events e WHERE {' AND '.join(clauses)} "
        "GROUP BY period, e.quad_class ORDER BY period",
        [*params, *more],
    )
    buckets: dict[str, Bucket] = {}
    for period, quad, count, score in rows:
        bucket = buckets.setdefault(period, Bucket(period))
        bucket.events += count
        family = FAMILIES.get(quad)
        if family:  # an event without class counts in the total only
            bucket.counts[family] += count
            bucket.scores[family] = round(bucket.scores[family] + score, 2)
    return list(buckets.values())


def dyad_timeline(
    conn: sqlite3.Connection, dyad: str, interval: str = "month", *, type: str | None = None,
    since: str | None = None, until: str | None = None,
) -> list[Bucket]:  # fmt: skip
    """Dated events of an unordered dyad per month (or year), by family. Undated ones are left out."""
    a, b = query.parse_dyad(dyad)
    filters = EventFilter(type=type, since=since, until=until)
    sql = "SELECT event_id FROM event_dyads WHERE a = ? AND b = ?"
    return _timeline(conn, sql, [a, b], interval, filters)


def actor_timeline(conn: sqlite3.Connection, actor_id: str, interval: str = "month") -> list[Bucket]:
    sql = (
        "SELECT m.event_id FROM mention_entities me JOIN mentions m ON m.id = me.mention_id "
        "WHERE me.actor_id = ?"
    )
    return _timeline(conn, sql, [actor_id], interval, EventFilter())


def fill_periods(buckets: list[Bucket], interval: str = "month") -> list[Bucket]:
    """The buckets with empty ones for the periods between, so a chart's axis is even."""
    if len(buckets) < 2 or interval != "month":
        return buckets
    have = {b.period: b for b in buckets}
    year, month = (int(x) for x in buckets[0].period.split("-"))
    filled = []
    while True:
        period = f"{year:04d}-{month:02d}"
        filled.append(have.get(period) or Bucket(period))
        if period >= buckets[-1].period:
            return filled
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


# -- actors --------------------------------------------------------------------


@dataclass
class Partner:
    key: str  # an actor id, or a country code when the partner has no id
    name: str | None
    country: str | None
    events: int
    is_actor: bool  # the key is an actor id (it has a page), not a bare country


def actor_event_ids_sql() -> str:
    return (
        "SELECT DISTINCT m.event_id FROM mention_entities me "
        "JOIN mentions m ON m.id = me.mention_id WHERE me.actor_id = ?"
    )


def actor_events(conn: sqlite3.Connection, actor_id: str, limit: int = 50,
                 offset: int = 0) -> list[StoredEvent]:  # fmt: skip
    return _events_where(
        conn, f"WHERE e.id IN ({actor_event_ids_sql()})", (actor_id, limit, offset),
        "ORDER BY e.date IS NULL, e.date DESC, e.id LIMIT ? OFFSET ?",
    )  # fmt: skip


def count_actor_events(conn: sqlite3.Connection, actor_id: str) -> int:
    sql = f"SELECT COUNT(*) FROM ({actor_event_ids_sql()})"
    return int(conn.execute(sql, (actor_id,)).fetchone()[0])


def top_partners(conn: sqlite3.Connection, actor_id: str, top: int = 10) -> list[Partner]:
    """The actors found with ``actor_id`` in the same events, commonest first."""
    rows = conn.execute(
        "SELECT COALESCE(other.actor_id, other.country) AS k, a.name, "
        "COALESCE(a.country, other.country), COUNT(DISTINCT m.event_id) AS n, a.id IS NOT NULL "
        "FROM mention_entities me JOIN mentions m ON m.id = me.mention_id "
        "JOIN mentions m2 ON m2.event_id = m.event_id "
        "JOIN mention_entities other ON other.mention_id = m2.id "
        "LEFT JOIN actors a ON a.id = other.actor_id "
        "WHERE me.actor_id = ? AND COALESCE(other.actor_id, '') <> ? AND k IS NOT NULL "
        "GROUP BY k ORDER BY n DESC, k LIMIT ?",
        (actor_id, actor_id, top),
    )
    return [Partner(k, name, country, n, bool(known)) for k, name, country, n, known in rows]


def actor(conn: sqlite3.Connection, actor_id: str) -> query.StoredActor | None:
    row = conn.execute(
        "SELECT id, name, country, sector, mentions FROM actors WHERE id = ?", (actor_id,)
    ).fetchone()
    if row is None:
        return None
    id_, name, country, sector, count = row
    aliases = [
        r[0]
        for r in conn.execute(
            "SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY mentions DESC, alias",
            (actor_id,),
        )
    ]
    return query.StoredActor(id_, name, country, sector, count, aliases)


# -- documents -----------------------------------------------------------------


@dataclass
class DocumentSummary:
    id: str
    name: str
    title: str | None
    published: str | None
    lang: str | None
    url: str | None
    events: int


@dataclass
class PartView:
    idx: int
    kind: str
    teaser: int | None
    text: str


@dataclass
class DocumentView:
    summary: DocumentSummary
    source: str
    dateline: dict[str, str | None] | None
    parts: list[PartView]
    mentions: list[Mention]


_SUMMARY_SQL = (
    "SELECT d.id, d.name, d.title, d.published, d.lang, d.url, "
    "(SELECT COUNT(*) FROM mentions m WHERE m.document_id = d.id) FROM documents d"
)


def documents(conn: sqlite3.Connection, limit: int = 50, offset: int = 0) -> list[DocumentSummary]:
    """Documents, newest publication first."""
    rows = conn.execute(
        f"{_SUMMARY_SQL} ORDER BY d.published IS NULL, d.published DESC, d.id LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return [DocumentSummary(*row) for row in rows]


def count_documents(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])


def document(conn: sqlite3.Connection, doc_id: str) -> DocumentView | None:
    """A document as segmented, with every mention coded in it (offsets in its parts)."""
    with snapshot(conn):
        row = conn.execute(f"{_SUMMARY_SQL} WHERE d.id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        source, has_dateline, place, date_text, agency, date = conn.execute(
            "SELECT source, has_dateline, dateline_place, dateline_date_text, dateline_agency, "
            "dateline_date FROM documents WHERE id = ?",
            (doc_id,),
        ).fetchone()
        parts = [
            PartView(*r)
            for r in conn.execute(
                "SELECT idx, kind, teaser, text FROM parts WHERE document_id = ? ORDER BY idx",
                (doc_id,),
            )
        ]
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT event_id FROM mentions WHERE document_id = ? AND event_id "
                "IS NOT NULL",
                (doc_id,),
            )
        ]
        found = [m for event_id in ids for m in mentions(conn, event_id) if m.document_id == doc_id]
    found.sort(key=lambda m: (m.part_index, m.text_start))
    dateline = (
        {"place": place, "date_text": date_text, "agency": agency, "date": date}
        if has_dateline else None
    )  # fmt: skip
    return DocumentView(DocumentSummary(*row), source, dateline, parts, found)


def event_id_of_mention(conn: sqlite3.Connection, mention_id: str) -> str | None:
    row = conn.execute("SELECT event_id FROM mentions WHERE id = ?", (mention_id,)).fetchone()
    return row[0] if row else None


# -- highlighting and search ---------------------------------------------------


@dataclass
class Segment:
    """A stretch of text, and the marks (e.g. mention ids) covering it."""

    text: str
    marks: list[str] = field(default_factory=list)


def segments(text: str, spans: Iterable[tuple[int, int, str]]) -> list[Segment]:
    """Cut ``text`` at every span boundary; each piece lists the spans covering it.

    Overlapping spans (two events in one sentence) are fine: the overlap
    lists both. Spans are clipped to the text; empty ones are ignored.
    """
    kept = [(max(0, s), min(len(text), e), key) for s, e, key in spans]
    kept = [(s, e, key) for s, e, key in kept if s < e]
    cuts = sorted({0, len(text), *(s for s, _, _ in kept), *(e for _, e, _ in kept)})
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        marks = [key for s, e, key in kept if s <= start and end <= e]
        out.append(Segment(text[start:end], marks))
    return out


# Snippet markers no text contains (C0 controls are removed by the clean stage).
_OPEN, _CLOSE = "\x02", "\x03"


@dataclass
class SearchHit:
    document_id: str
    name: str
    title: str | None
    published: str | None
    snippet: list[Segment]


def search_documents(conn: sqlite3.Connection, text: str, limit: int = 20,
                     offset: int = 0) -> list[SearchHit]:  # fmt: skip
    """Documents matching ``text`` (words, all required, diacritics folded), best first.

    The snippet comes back as segments, matched words marked "hit", so a page
    can highlight them without trusting any markup in the document.
    """
    # FTS5's snippet() cannot run under a window function: keep each document's
    # best part (rows come best first) here, stopping once the page is full.
    rows = conn.execute(
        "SELECT f.document_id, d.name, d.title, d.published, "
        "snippet(parts_fts, 0, ?, ?, '…', 16), bm25(parts_fts) AS r "
        "FROM parts_fts f JOIN documents d ON d.id = f.document_id "
        "WHERE parts_fts MATCH ? ORDER BY r, f.document_id",
        (_OPEN, _CLOSE, fts.match_expression(text)),
    )
    seen: set[str] = set()
    hits: list[SearchHit] = []
    for doc_id, name, title, published, snippet, _rank in rows:
        if doc_id in seen:
            continue
        seen.add(doc_id)
        if len(seen) > offset:
            hits.append(SearchHit(doc_id, name, title, published, _snippet_segments(snippet)))
            if len(hits) >= limit:
                break
    return hits


def count_search_documents(conn: sqlite3.Connection, text: str) -> int:
    sql = "SELECT COUNT(DISTINCT document_id) FROM parts_fts WHERE parts_fts MATCH ?"
    return int(conn.execute(sql, (fts.match_expression(text),)).fetchone()[0])


def _snippet_segments(snippet: str) -> list[Segment]:
    out = []
    for i, piece in enumerate(snippet.replace(_CLOSE, _OPEN).split(_OPEN)):
        if piece:
            out.append(Segment(piece, ["hit"] if i % 2 else []))
    return out


def check_since_until(since: str | None, until: str | None) -> None:
    """Named errors for bad periods before any SQL runs."""
    if since:
        check_period(since, "since")
    if until:
        check_period(until, "until")
