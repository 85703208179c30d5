"""What the ``events``, ``actors``, ``stats`` and ``search`` commands print.

Each ``show_*`` function opens the database, queries it and prints to a Rich
console: a table for people, CSV or JSON Lines (written raw to the console's
file, so a pipe gets clean data) for programs. The CLI only parses options.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from eventwire.errors import StoreError
from eventwire.event import Entity
from eventwire.store.database import Database
from eventwire.store.query import Stats, StoredActor, StoredEvent

EVENT_FORMATS = ("table", "csv", "jsonl")
TABLE_LIMIT = 100  # events in a terminal table unless --limit says otherwise
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
CSV_COLUMNS = (
    "id", "date", "type", "mode", "status", "actor", "recipient", "place", "place_country",
    "dates_reported", "num_mentions", "num_sources", "score", "evidence", "sources",
)  # fmt: skip


def _open(db_path: Path | str) -> Database:
    if not Path(db_path).exists():
        raise StoreError(f"{db_path}: no such database (run eventwire ingest first)")
    return Database(db_path)


def _entities(entities: list[Entity]) -> str:
    shown = []
    for e in entities:
        label = " ".join(x for x in (e.country, e.sector) if x) or "?"
        shown.append(f"{label} ({e.name})" if e.name else label)
    return "; ".join(shown)


# -- events --------------------------------------------------------------------


def show_events(
    db_path: Path | str, console: Console, *, fmt: str = "table", **filters: Any
) -> int:
    """Print the events matching ``filters`` (see ``query.EventFilter``); how many."""
    if fmt not in EVENT_FORMATS:
        raise StoreError(f"unknown format {fmt!r} (choose {', '.join(EVENT_FORMATS)})")
    if fmt == "table" and filters.get("limit") is None:
        filters["limit"] = TABLE_LIMIT  # a terminal table of 100,000 rows helps no one
    with _open(db_path) as db:
        events = db.events(**filters)
        total = len(events)
        if fmt == "table" and total == filters["limit"]:
            total = db.count_events(**{k: v for k, v in filters.items() if k != "limit"})
    if fmt == "jsonl":
        for event in events:
            console.file.write(json.dumps(event.to_record(), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        write_events_csv(events, console)
    else:
        console.print(events_table(events, total))
    return len(events)


def write_events_csv(events: list[StoredEvent], console: Console) -> None:
    writer = csv.writer(console.file, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in events:
        writer.writerow((
            e.id, e.date, e.type, e.mode, e.status, _entities(e.actor), _entities(e.recipient),
            e.place.name if e.place else None, e.place.country if e.place else None,
            "; ".join(e.dates_reported), e.num_mentions, e.num_sources, e.score, e.evidence,
            "; ".join(dict.fromkeys(s.url or s.name for s in e.sources)),
        ))  # fmt: skip


def events_table(events: list[StoredEvent], total: int | None = None) -> Table:
    shown = len(events)
    title = f"{shown} events" if not total or total == shown else f"{shown} of {total} events"
    caption = "--limit N or --format csv|jsonl for more" if total and total > shown else None
    table = Table(title=title, caption=caption)
    for column in ("date", "type", "actor", "recipient", "place", "sources", "evidence"):
        table.add_column(column, overflow="fold")
    for e in events:
        # Disagreeing sources stay visible: "2019-01-20 (also 2019-01-21)".
        others = [d for d in e.dates_reported if d != e.date]
        date = (e.date or "?") + (f" (also {', '.join(others)})" if others else "")
        place = f"{e.place.name} ({e.place.country or '?'})" if e.place else ""
        kind = e.type + (f"/{e.mode}" if e.mode else "")
        if e.status != "occurred":
            kind += f" [{e.status}]"
        table.add_row(
            date, kind, _entities(e.actor), _entities(e.recipient), place,
            f"{e.num_articles} art. / {e.num_mentions} ment.", e.evidence[:160],
        )  # fmt: skip
    return table


# -- actors --------------------------------------------------------------------


def show_actors(
    db_path: Path | str,
    console: Console,
    *,
    country: str | None = None,
    name: str | None = None,
    limit: int | None = 100,
) -> int:
    """Print the actors (most mentioned first), filtered by country and name; how many."""
    with _open(db_path) as db:
        actors = db.actors(country=country, name=name)
    console.print(actors_table(actors[:limit] if limit else actors, total=len(actors)))
    return len(actors)


def actors_table(actors: list[StoredActor], total: int | None = None) -> Table:
    shown = f"{len(actors)} of {total}" if total and total > len(actors) else str(len(actors))
    table = Table(title=f"{shown} actors")
    for column in ("id", "name", "country", "sector", "mentions", "aliases"):
        table.add_column(column, overflow="fold", justify="right" if column == "mentions" else "left")
    for a in actors:
        aliases = ", ".join(x for x in a.aliases if x != a.name)
        table.add_row(a.id, a.name or "", a.country or "", a.sector or "", str(a.mentions), aliases)
    return table


# -- stats ---------------------------------------------------------------------


def show_stats(db_path: Path | str, console: Console, *, top: int = 10) -> Stats:
    """Print counts by type, by month, top dyads and their cooperation/conflict balance."""
    with _open(db_path) as db:
        stats = db.stats(top=top)
    for table in stats_tables(stats):
        console.print(table)
    return stats


def stats_tables(stats: Stats) -> list[Table]:
    summary = Table(title="Events", show_header=False)
    summary.add_row("events (merged)", str(stats.events))
    summary.add_row("event mentions", str(stats.mentions))
    summary.add_row("documents coded", str(stats.documents))
    for quad, count in stats.by_quad_class:
        summary.add_row(QUAD_NAMES.get(quad, "unclassified") if quad else "unclassified", str(count))

    by_type = Table(title="By type")
    by_type.add_column("type")
    by_type.add_column("events", justify="right")
    for type_, count in stats.by_type:
        by_type.add_row(type_, str(count))

    by_month = Table(title="By month")
    by_month.add_column("month")
    by_month.add_column("events", justify="right")
    for month, count in stats.by_month:
        by_month.add_row(month, str(count))

    dyads = Table(title="Top dyads: cooperation / conflict balance")
    for column in ("dyad", "events", "cooperation", "conflict", "mean score"):
        dyads.add_column(column, justify="left" if column == "dyad" else "right")
    for d in stats.dyads:
        score = "" if d.mean_score is None else f"{d.mean_score:+.2f}"
        dyads.add_row(f"{d.a}-{d.b}", str(d.events), str(d.cooperation), str(d.conflict), score)
    return [summary, by_type, by_month, dyads]


# -- documents -----------------------------------------------------------------


def show_search(db_path: Path | str, console: Console, text: str, *, limit: int = 20) -> int:
    """Print the documents matching ``text`` (full text, diacritics folded); how many."""
    with _open(db_path) as db:
        hits = db.search_documents(text, limit)
    table = Table(title=f"{len(hits)} documents matching {text!r}")
    for column in ("document", "published", "title", "snippet"):
        table.add_column(column, overflow="fold")
    for h in hits:
        table.add_row(h.name, h.published or "", h.title or "", h.snippet)
    console.print(table)
    return len(hits)
