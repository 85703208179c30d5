"""Coded events to rows: mentions, places, actors, and the merged events.

Writing functions take a connection inside a transaction opened by the
writer (database.Writer): a document, its mentions and the events they
change are committed together, so a reader never sees a mention without
its event or an event counting mentions it cannot see.

A mention's id is ``<document id>:<index of the event in the coder's
output>``: the document id is a hash of its text, so storing the same
article again inserts nothing and merges nothing.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from urllib.parse import urlsplit

from eventwire.document import Document
from eventwire.event import Entity, Event, Place
from eventwire.store.merge import (
    MentionPlace,
    MentionRow,
    MergedEvent,
    build_event,
    cluster_block,
    dyads,
    merge_window,
    participants_key,
    reference_month,
)

# Blocks (type and participants) changed by a write, with the months changed in each.
Changes = dict[str, set[str]]


def add_changes(into: Changes, more: Changes | None) -> None:
    for block, months in (more or {}).items():
        into.setdefault(block, set()).update(months)

_MENTION_COLUMNS = (
    "id, document_id, idx, type, mode, status, part, date, date_end, published, place_id, "
    "place_name, "
    "cameo, score, evidence, part_index, text_start, text_end, raw_start, raw_end, "
    "participants, block, ref_month, why"
)
_EVENT_COLUMNS = (
    "id, block, owner_month, type, mode, status, date, date_end, month, dates_reported, place_id, "
    "places_reported, participants, actor, recipient, "
    "cameo, score, quad_class, evidence, mention_id, num_mentions, num_articles, num_sources, "
    "document_id, source_url"
)


def _placeholders(columns: str) -> str:
    return ", ".join("?" for _ in columns.split(","))


def fold(text: str) -> str:
    """Lower case without diacritics: the key names are compared by."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def actor_id(entity: Entity) -> str | None:
    """The coder's stable id, else the same rule: folded name, else country:sector."""
    if entity.actor_id:
        return entity.actor_id
    if entity.name:
        return "-".join(fold(entity.name).split())
    if entity.country or entity.sector:
        return f"{entity.country or 'x'}:{entity.sector or 'x'}"
    return None


def place_id(place: Place) -> str:
    """Folded name, country and coordinates (to about 1 km): a place row never changes,
    so what a database holds does not depend on which document came first."""
    coords = "" if place.lat is None or place.lon is None else f"{place.lat:.2f},{place.lon:.2f}"
    key = f"{fold(place.name).strip()}|{place.country or ''}|{coords}"
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def block_key(type_: str, participants: str) -> str:
    return f"{type_}|{participants}"


def report_date(doc: Document) -> str | None:
    """The day the document was published: metadata, else a full dateline date."""
    if doc.meta.published and len(doc.meta.published) >= 10:
        return doc.meta.published[:10]
    if doc.dateline and doc.dateline.date and len(doc.dateline.date) == 10:
        return doc.dateline.date
    return None


# -- writing -------------------------------------------------------------------


def insert_mentions(
    conn: sqlite3.Connection,
    doc: Document,
    events: list[Event],
    now: str,
    actors: set[str] | None = None,
) -> Changes | None:
    """Store the coded events of a stored document; the blocks and months that changed.

    None, and nothing written, for a document already coded: its mentions are
    there. The actors seen are added to ``actors`` for the caller to refresh
    once per transaction (``refresh_actors``); without it they are refreshed here.
    """
    doc_id = doc.id
    cur = conn.execute(
        "INSERT OR IGNORE INTO coded_documents (document_id, events, coded_at) VALUES (?, ?, ?)",
        (doc_id, len(events), now),
    )
    if cur.rowcount != 1:
        return None
    published = report_date(doc)
    blocks: Changes = {}
    touched: set[str] = set() if actors is None else actors
    for index, event in enumerate(events):
        mention_id = f"{doc_id}:{index}"
        participants = participants_key(e.country for e in event.actor + event.recipient)
        block = block_key(event.type, participants)
        pid = _insert_place(conn, event.place)
        ref_month = reference_month(event.date, published)
        ev = event.evidence
        conn.execute(
            f"INSERT INTO mentions ({_MENTION_COLUMNS}) VALUES ({_placeholders(_MENTION_COLUMNS)})",
            (
                mention_id, doc_id, index, event.type, event.mode, event.status, event.part,
                event.date, event.date_end, published, pid, event.place.name if event.place and pid else None,
                event.cameo, event.score, ev.text,
                ev.part_index, ev.start, ev.end, ev.raw_start, ev.raw_end, participants, block,
                ref_month, json.dumps(event.why, sort_keys=True, ensure_ascii=False, default=str),
            ),
        )  # fmt: skip
        rows = list(_entity_rows(mention_id, event))
        conn.executemany(
            "INSERT INTO mention_entities (mention_id, role, position, country, sector, name, "
            "actor_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        for row in rows:
            if row[6]:
                touched.add(str(row[6]))
                _count_actor(conn, row)
        blocks.setdefault(block, set()).add(ref_month)
    if actors is None:
        refresh_actors(conn, touched)
    return blocks


def remove_mentions(conn: sqlite3.Connection, doc_id: str, actors: set[str]) -> Changes:
    """Forget how a stored document was coded (to code it again): its mentions and their
    entities, their counts in the actors' values, its "coded" mark and places no mention
    names any more. Returns the blocks and months whose events must be merged again; the
    actors touched are added to ``actors`` for the caller to refresh."""
    changes: Changes = {}
    for block, month in conn.execute(
        "SELECT DISTINCT block, ref_month FROM mentions WHERE document_id = ?", (doc_id,)
    ):
        changes.setdefault(block, set()).add(month)
    entities = conn.execute(
        "SELECT e.mention_id, e.role, e.position, e.country, e.sector, e.name, e.actor_id "
        "FROM mention_entities e JOIN mentions m ON m.id = e.mention_id WHERE m.document_id = ?",
        (doc_id,),
    ).fetchall()
    for row in entities:
        if row[6]:
            actors.add(str(row[6]))
            _count_actor(conn, row, -1)
    places = [r[0] for r in conn.execute(
        "SELECT DISTINCT place_id FROM mentions WHERE document_id = ? AND place_id IS NOT NULL",
        (doc_id,))]
    conn.execute(
        "DELETE FROM mention_entities WHERE mention_id IN "
        "(SELECT id FROM mentions WHERE document_id = ?)", (doc_id,)
    )
    conn.execute("DELETE FROM mentions WHERE document_id = ?", (doc_id,))
    conn.execute("DELETE FROM coded_documents WHERE document_id = ?", (doc_id,))
    conn.execute("DELETE FROM actor_values WHERE mentions <= 0")
    conn.executemany(
        "DELETE FROM places WHERE id = ? AND NOT EXISTS (SELECT 1 FROM mentions WHERE place_id = ?)",
        ((pid, pid) for pid in places),
    )
    return changes


def _count_actor(conn: sqlite3.Connection, row: tuple[object, ...], step: int = 1) -> None:
    _mention_id, _role, _position, country, sector, name, aid = row
    values = (("*", ""), ("name", name), ("country", country), ("sector", sector))
    conn.executemany(
        "INSERT INTO actor_values (actor_id, field, value, mentions) VALUES (?, ?, ?, ?) "
        "ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions",
        ((aid, f, v, step) for f, v in values if v is not None),
    )


def _entity_rows(mention_id: str, event: Event) -> Iterator[tuple[object, ...]]:
    for role, entities in (("actor", event.actor), ("recipient", event.recipient)):
        for position, e in enumerate(entities):
            yield (mention_id, role, position, e.country, e.sector, e.name, actor_id(e))


def _insert_place(conn: sqlite3.Connection, place: Place | None) -> str | None:
    if place is None or not place.name:
        return None
    pid = place_id(place)
    # Spellings folding alike ("Hanoi", "Hanoï") share the row; the smallest is shown.
    conn.execute(
        "INSERT INTO places (id, name, country, lat, lon) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET name = MIN(name, excluded.name)",
        (pid, place.name, place.country, place.lat, place.lon),
    )
    return pid


def refresh_actors(conn: sqlite3.Connection, ids: Iterable[str]) -> None:
    """Rewrite the actors rows: commonest name, country and sector (ties: the smallest);
    an actor no mention names any more is removed."""
    for aid in sorted(ids):
        if conn.execute("SELECT 1 FROM actor_values WHERE actor_id = ?", (aid,)).fetchone() is None:
            conn.execute("DELETE FROM actors WHERE id = ?", (aid,))
            continue
        best: dict[str, tuple[int, str]] = {}
        for field, value, mentions in conn.execute(
            "SELECT field, value, mentions FROM actor_values WHERE actor_id = ?", (aid,)
        ):
            if field not in best or (-mentions, value) < (-best[field][0], best[field][1]):
                best[field] = (mentions, value)
        conn.execute(
            "INSERT OR REPLACE INTO actors (id, name, country, sector, mentions) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                aid, *(best[f][1] if f in best else None for f in ("name", "country", "sector")),
                best["*"][0] if "*" in best else 0,
            ),
        )


# -- merging -------------------------------------------------------------------


def merge_blocks(conn: sqlite3.Connection, changes: Changes) -> int:
    """Rebuild the events of the changed months of these blocks; the events written.

    Every changed block's old events go first: a recoded mention may move to another
    block, and its one-mention event keeps its id there (the id hashes the mentions)."""
    plan: dict[str, tuple[set[str], set[str]]] = {}
    for block in sorted(changes):
        load: set[str] = set()
        owned: set[str] = set()
        for month in changes[block]:
            months, owners = merge_window(month)
            load.update(months)
            owned.update(owners)
        _delete_events(conn, block, sorted(owned))
        plan[block] = (load, owned)
    written = 0
    for block, (load, owned) in plan.items():
        groups = cluster_block(load_block(conn, block, sorted(load)))
        written += _write_events(conn, [build_event(g) for g in groups if g.month in owned])
    return written


def merge_all(conn: sqlite3.Connection) -> int:
    """Rebuild every event (after a bulk load of mentions with merging deferred)."""
    for table in ("event_dyads", "event_countries", "events"):
        conn.execute(f"DELETE FROM {table}")
    blocks = [r[0] for r in conn.execute("SELECT DISTINCT block FROM mentions ORDER BY block")]
    written = 0
    for block in blocks:
        groups = cluster_block(load_block(conn, block))
        written += _write_events(conn, [build_event(g) for g in groups])
    return written


def pending_changes(conn: sqlite3.Connection) -> Changes:
    """Mentions not yet merged (a bulk load with merging deferred), as changes."""
    changes: Changes = {}
    for block, month in conn.execute(
        "SELECT DISTINCT block, ref_month FROM mentions WHERE event_id IS NULL"
    ):
        changes.setdefault(block, set()).add(month)
    return changes


def _delete_events(conn: sqlite3.Connection, block: str, months: list[str]) -> None:
    marks = ", ".join("?" for _ in months)
    old = f"(SELECT id FROM events WHERE block = ? AND owner_month IN ({marks}))"
    conn.execute(f"DELETE FROM event_dyads WHERE event_id IN {old}", (block, *months))
    conn.execute(f"DELETE FROM event_countries WHERE event_id IN {old}", (block, *months))
    conn.execute(
        f"DELETE FROM events WHERE block = ? AND owner_month IN ({marks})", (block, *months)
    )


def load_block(
    conn: sqlite3.Connection, block: str, months: list[str] | None = None
) -> list[MentionRow]:
    """The mentions of a block (of some reference months), with place, entities and outlet."""
    where = "m.block = ?"
    params: list[str] = [block]
    if months is not None:
        where += f" AND m.ref_month IN ({', '.join('?' for _ in months)})"
        params += months
    rows = conn.execute(
        "SELECT m.id, m.document_id, m.type, m.mode, m.status, m.date, m.date_end, m.published, "
        "m.place_id, m.place_name, p.country, p.lat, p.lon, m.cameo, m.score, m.evidence, "
        "m.participants, m.block, m.ref_month, d.url FROM mentions m "
        "JOIN documents d ON d.id = m.document_id "
        f"LEFT JOIN places p ON p.id = m.place_id WHERE {where}",
        params,
    ).fetchall()
    mentions: dict[str, MentionRow] = {}
    for (mid, doc_id, type_, mode, status, date_, date_end, published, pid, pname, pcountry,
         lat, lon, cameo, score, evidence, participants, blk, ref_month, url) in rows:  # fmt: skip
        place = MentionPlace(pid, pname, pcountry, lat, lon) if pid else None
        mentions[mid] = MentionRow(
            mid, doc_id, type_, mode, status, date_, date_end, published, place, cameo, score,
            evidence, participants, blk, ref_month=ref_month, outlet=_host(url), url=url,
        )  # fmt: skip
    entities = conn.execute(
        "SELECT e.mention_id, e.role, e.country, e.sector, e.name, e.actor_id "
        "FROM mention_entities e JOIN mentions m ON m.id = e.mention_id "
        f"WHERE {where} ORDER BY e.mention_id, e.role, e.position",
        params,
    )
    for mid, role, country, sector, name, aid in entities:
        entity = {"country": country, "sector": sector, "name": name, "actor_id": aid}
        getattr(mentions[mid], role).append(entity)
    return list(mentions.values())


@lru_cache(maxsize=4096)
def _host(url: str | None) -> str:
    if not url:
        return ""
    try:
        return (urlsplit(url).hostname or "").removeprefix("www.")
    except ValueError:
        return ""


def _write_events(conn: sqlite3.Connection, events: list[MergedEvent]) -> int:
    conn.executemany(
        f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES ({_placeholders(_EVENT_COLUMNS)})",
        (_event_row(e) for e in events),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO event_countries (event_id, role, country) VALUES (?, ?, ?)",
        (
            (e.id, role, entity["country"])
            for e in events
            for role in ("actor", "recipient")
            for entity in getattr(e, role)
            if entity["country"]
        ),
    )
    conn.executemany(
        "INSERT INTO event_dyads (event_id, a, b, month) VALUES (?, ?, ?, ?)",
        ((e.id, a, b, e.month) for e in events for a, b in dyads(e.participants)),
    )
    conn.executemany(
        "UPDATE mentions SET event_id = ? WHERE id = ?",
        ((e.id, mid) for e in events for mid in e.mention_ids),
    )
    return len(events)


def _event_row(e: MergedEvent) -> tuple[object, ...]:
    place = e.place
    return (
        e.id, e.block, e.owner_month, e.type, e.mode, e.status, e.date, e.date_end, e.month,
        json.dumps(e.dates_reported), place.id if place else None, json.dumps(e.places_reported, ensure_ascii=False), e.participants,
        _entities_json(e.actor), _entities_json(e.recipient), e.cameo, e.score, e.quad_class,
        e.evidence, e.mention_id, e.num_mentions, e.num_articles, e.num_sources, e.document_id,
        e.source_url,
    )  # fmt: skip


def _entities_json(entities: list[dict[str, str | None]]) -> str:
    return json.dumps(entities, ensure_ascii=False, sort_keys=True)
