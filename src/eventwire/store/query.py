"""Reading events back: filters, sources, actors, statistics; the notebook API.

``eventwire.store.open_database(path).events(dyad="VNM-RUS", since="2019")``
gives ``StoredEvent`` dataclasses (no pandas needed); ``.events_table(...)``
the same as a pyarrow table. Every query of one call runs in one read
transaction, so an event and its sources come from the same committed state
even while another process writes.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Any

import pyarrow as pa

from eventwire.errors import StoreError
from eventwire.event import Entity, Place
from eventwire.store import fts

_PERIOD = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Places are joined, not copied: a place row may be renamed by a later spelling.
_EVENT_COLUMNS = (
    "e.id, e.type, e.mode, e.status, e.date, e.date_end, e.dates_reported, p.name, p.country, "
    "p.lat, p.lon, e.places_reported, e.participants, e.actor, e.recipient, e.cameo, e.score, "
    "e.quad_class, e.evidence, e.num_mentions, e.num_articles, e.num_sources, e.source_url"
)


@dataclass
class Source:
    """One report of an event: the document and the evidence span in it."""

    document_id: str
    name: str
    url: str | None
    title: str | None
    published: str | None
    mention_id: str
    part: str
    date: str | None  # the date this report gives
    evidence: str
    raw_start: int
    raw_end: int


@dataclass
class StoredEvent:
    """A merged event with every report of it."""

    id: str
    type: str
    mode: str | None
    status: str
    date: str | None
    date_end: str | None
    dates_reported: list[str]  # every date the sources give: disagreement stays visible
    place: Place | None
    places_reported: list[str]
    participants: list[str]
    actor: list[Entity]
    recipient: list[Entity]
    cameo: str | None
    score: float | None
    quad_class: int | None
    evidence: str
    num_mentions: int
    num_articles: int
    num_sources: int
    source_url: str | None
    sources: list[Source] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        """A JSON-ready dict: the event, its entities and place, and its sources."""
        return asdict(self)


@dataclass
class EventFilter:
    """What ``events`` selects. Countries are ISO3 codes (or IGO); a dyad is unordered."""

    actor: str | None = None
    recipient: str | None = None
    dyad: str | None = None  # "VNM-RUS": both countries among the participants
    type: str | None = None
    since: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD, inclusive
    until: str | None = None  # inclusive: "2019-12" takes all of December
    text: str | None = None  # full text over the evidence (and, with text_in, documents)
    text_in: str = "evidence"  # "evidence" or "documents"
    limit: int | None = None
    offset: int = 0

    def where(self) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        for role in ("actor", "recipient"):
            country = getattr(self, role)
            if country:
                clauses.append(
                    "e.id IN (SELECT event_id FROM event_countries WHERE country = ? AND role = ?)"
                )
                params += [country.upper(), role]
        if self.dyad:
            a, b = parse_dyad(self.dyad)
            clauses.append("e.id IN (SELECT event_id FROM event_dyads WHERE a = ? AND b = ?)")
            params += [a, b]
        if self.type:
            clauses.append("e.type = ?")
            params.append(self.type.upper())
        if self.since:
            clauses.append("e.date >= ?")
            params.append(check_period(self.since, "since"))
        if self.until:
            # "~" sorts after digits and "-": every date starting with the period is <= it.
            clauses.append("e.date <= ?")
            params.append(check_period(self.until, "until") + "~")
        if self.text:
            if self.text_in not in ("evidence", "documents"):
                raise StoreError(f"text_in must be 'evidence' or 'documents', not {self.text_in!r}")
            matching = fts.mention_ids_matching if self.text_in == "evidence" else (
                fts.event_ids_in_documents
            )
            sql, args = matching(self.text)
            clauses.append(f"e.id IN ({sql})")
            params += args
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def check_period(text: str, name: str) -> str:
    if not _PERIOD.match(text):
        raise StoreError(f"--{name} {text!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def parse_dyad(text: str) -> tuple[str, str]:
    """'VNM-RUS' -> ('RUS', 'VNM'): the order does not matter."""
    parts = [p.strip().upper() for p in re.split(r"[-_/, ]+", text.strip()) if p.strip()]
    if len(parts) != 2:
        raise StoreError(f"--dyad {text!r}: expected two countries, as in VNM-RUS")
    a, b = sorted(parts)
    return a, b


@contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One read transaction: every query inside sees the same committed state."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        conn.execute("COMMIT")


def select_events(conn: sqlite3.Connection, filters: EventFilter) -> list[StoredEvent]:
    where, params = filters.where()
    sql = (
        f"SELECT {_EVENT_COLUMNS} FROM events e LEFT JOIN places p ON p.id = e.place_id{where} "
        "ORDER BY e.date IS NULL, e.date, e.id"
    )
    if filters.limit is not None or filters.offset:
        sql += " LIMIT ? OFFSET ?"
        params += [-1 if filters.limit is None else int(filters.limit), int(filters.offset)]
    with snapshot(conn):
        events = [_event(row) for row in conn.execute(sql, params)]
        _attach_sources(conn, events)
    return events


def count_events(conn: sqlite3.Connection, filters: EventFilter) -> int:
    where, params = filters.where()
    return int(conn.execute(f"SELECT COUNT(*) FROM events e{where}", params).fetchone()[0])


def _event(row: tuple[Any, ...]) -> StoredEvent:
    (eid, type_, mode, status, date, date_end, dates, pname, pcountry, lat, lon, places,
     participants, actor, recipient, cameo, score, quad, evidence, n_mentions, n_articles,
     n_sources, url) = row  # fmt: skip
    return StoredEvent(
        id=eid, type=type_, mode=mode, status=status, date=date, date_end=date_end,
        dates_reported=json.loads(dates),
        place=Place(pname, pcountry, lat, lon) if pname else None,
        places_reported=json.loads(places), participants=participants.split(),
        actor=_entities(actor), recipient=_entities(recipient), cameo=cameo, score=score,
        quad_class=quad, evidence=evidence, num_mentions=n_mentions, num_articles=n_articles,
        num_sources=n_sources, source_url=url,
    )  # fmt: skip


def _entities(text: str) -> list[Entity]:
    return [
        Entity(e.get("country"), e.get("sector"), e.get("name"), e.get("actor_id"))
        for e in json.loads(text)
    ]


def _attach_sources(conn: sqlite3.Connection, events: list[StoredEvent]) -> None:
    by_id = {e.id: e for e in events}
    ids = list(by_id)
    # In chunks: SQLite limits the number of parameters of one statement.
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        rows = conn.execute(
            "SELECT m.event_id, m.document_id, d.name, d.url, d.title, m.published, m.id, "
            "m.part, m.date, m.evidence, m.raw_start, m.raw_end FROM mentions m "
            "JOIN documents d ON d.id = m.document_id "
            f"WHERE m.event_id IN ({', '.join('?' for _ in chunk)}) "
            "ORDER BY m.event_id, m.published IS NULL, m.published, m.id",
            chunk,
        )
        for event_id, *rest in rows:
            by_id[event_id].sources.append(Source(*rest))


# -- pyarrow -------------------------------------------------------------------

_ENTITY = pa.struct(
    [("country", pa.string()), ("sector", pa.string()), ("name", pa.string()),
     ("actor_id", pa.string())]
)  # fmt: skip
_SOURCE = pa.struct(
    [("document_id", pa.string()), ("name", pa.string()), ("url", pa.string()),
     ("title", pa.string()), ("published", pa.string()), ("mention_id", pa.string()),
     ("part", pa.string()), ("date", pa.string()), ("evidence", pa.string()),
     ("raw_start", pa.int64()), ("raw_end", pa.int64())]
)  # fmt: skip
EVENT_SCHEMA = pa.schema(
    [
        ("id", pa.string()), ("type", pa.string()), ("mode", pa.string()),
        ("status", pa.string()), ("date", pa.string()), ("date_end", pa.string()),
        ("dates_reported", pa.list_(pa.string())), ("place_name", pa.string()),
        ("place_country", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()),
        ("places_reported", pa.list_(pa.string())), ("participants", pa.list_(pa.string())),
        ("actor", pa.list_(_ENTITY)), ("recipient", pa.list_(_ENTITY)), ("cameo", pa.string()),
        ("score", pa.float64()), ("quad_class", pa.int8()), ("evidence", pa.string()),
        ("num_mentions", pa.int32()), ("num_articles", pa.int32()),
        ("num_sources", pa.int32()), ("source_url", pa.string()), ("sources", pa.list_(_SOURCE)),
    ]
)  # fmt: skip


def event_row(event: StoredEvent) -> dict[str, Any]:
    """A flat record (place spread into columns) matching ``EVENT_SCHEMA``."""
    record = event.to_record()
    place = record.pop("place") or {}
    record.update(
        place_name=place.get("name"), place_country=place.get("country"),
        lat=place.get("lat"), lon=place.get("lon"),
    )  # fmt: skip
    return {name: record[name] for name in EVENT_SCHEMA.names}


def events_table(events: list[StoredEvent]) -> pa.Table:
    return pa.Table.from_pylist([event_row(e) for e in events], schema=EVENT_SCHEMA)


# -- actors and statistics -----------------------------------------------------


@dataclass
class StoredActor:
    id: str
    name: str | None
    country: str | None
    sector: str | None
    mentions: int
    aliases: list[str]


def select_actors(
    conn: sqlite3.Connection, *, country: str | None = None, name: str | None = None
) -> list[StoredActor]:
    """Actors, most mentioned first; ``name`` matches any alias, case and accents ignored."""
    from eventwire.store.events import fold

    clauses, params = [], []
    if country:
        clauses.append("a.country = ?")
        params.append(country.upper())
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    with snapshot(conn):
        actors = [
            StoredActor(aid, name, country_, sector, mentions, [])
            for aid, name, country_, sector, mentions in conn.execute(
                "SELECT a.id, a.name, a.country, a.sector, a.mentions FROM actors a"
                f"{where} ORDER BY a.mentions DESC, a.id",
                params,
            )
        ]
        aliases: dict[str, list[str]] = {}
        for actor_id, alias in conn.execute(
            "SELECT actor_id, alias FROM actor_aliases ORDER BY actor_id, mentions DESC, alias"
        ):
            aliases.setdefault(actor_id, []).append(alias)
    for actor in actors:
        actor.aliases = aliases.get(actor.id, [])
    if name:
        wanted = fold(name)
        actors = [
            a for a in actors
            if any(wanted in fold(n) for n in [a.id, *(a.aliases or [])])
        ]  # fmt: skip
    return actors


@dataclass
class DyadBalance:
    a: str
    b: str
    events: int
    cooperation: int  # QuadClass 1 and 2
    conflict: int  # QuadClass 3 and 4
    mean_score: float | None


@dataclass
class Stats:
    events: int
    mentions: int
    documents: int
    by_type: list[tuple[str, int]]
    by_month: list[tuple[str, int]]
    by_quad_class: list[tuple[int | None, int]]
    dyads: list[DyadBalance]


def select_stats(conn: sqlite3.Connection, top: int = 10) -> Stats:
    """Counts by type and month, and the most reported dyads with their balance."""
    with snapshot(conn):
        one = conn.execute
        return Stats(
            events=one("SELECT COUNT(*) FROM events").fetchone()[0],
            mentions=one("SELECT COUNT(*) FROM mentions").fetchone()[0],
            documents=one("SELECT COUNT(*) FROM coded_documents").fetchone()[0],
            by_type=one(
                "SELECT type, COUNT(*) n FROM events GROUP BY type ORDER BY n DESC, type"
            ).fetchall(),
            by_month=one(
                "SELECT month, COUNT(*) FROM events WHERE month IS NOT NULL "
                "GROUP BY month ORDER BY month"
            ).fetchall(),
            by_quad_class=one(
                "SELECT quad_class, COUNT(*) FROM events GROUP BY quad_class ORDER BY quad_class"
            ).fetchall(),
            dyads=[
                DyadBalance(*row)
                for row in one(
                    "SELECT d.a, d.b, COUNT(*) n, SUM(e.quad_class IN (1, 2)), "
                    "SUM(e.quad_class IN (3, 4)), ROUND(AVG(e.score), 2) "
                    "FROM event_dyads d JOIN events e ON e.id = d.event_id WHERE d.a <> d.b "
                    "GROUP BY d.a, d.b ORDER BY n DESC, d.a, d.b LIMIT ?",
                    (top,),
                )
            ],
        )


def dyad_timeline(conn: sqlite3.Connection, dyad: str) -> list[tuple[str, int]]:
    """Events of an (unordered) dyad, month by month: the index answers it alone."""
    a, b = parse_dyad(dyad)
    return conn.execute(
        "SELECT month, COUNT(*) FROM event_dyads WHERE a = ? AND b = ? AND month IS NOT NULL "
        "GROUP BY month ORDER BY month",
        (a, b),
    ).fetchall()
