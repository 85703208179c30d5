"""``eventwire export``: the events of a database as CSV, JSON Lines or Parquet.

Three profiles, one table each (built with pyarrow, so every format has the
same columns and types):

- ``eventwire`` (default): every field of the merged event, entities and
  sources nested (in CSV, nested values are JSON text);
- ``polecat``: PLOVER-style flat columns as in the POLECAT dataset (event
  type and mode, actor and recipient names, countries and sectors, date,
  place with coordinates, evidence, sources);
- ``gdelt``: the GDELT 2.0 event-table columns that apply, under GDELT's own
  names and types, so notebooks written for GDELT run on eventwire data.
  ActionGeo_CountryCode holds the ISO3 code (GDELT uses FIPS 10-4);
  Goldstein scale = the PLOVER score; QuadClass from the CAMEO root code.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from eventwire.errors import StoreError
from eventwire.store.database import Database
from eventwire.store.query import EVENT_SCHEMA, StoredEvent, event_row, events_table, snapshot

FORMATS = ("csv", "jsonl", "parquet")
EXPORT_PAGE = 20_000  # events per page: bounded memory whatever the database's size
PROFILES = ("eventwire", "polecat", "gdelt")

POLECAT_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()), ("event_date", pa.string()), ("event_type", pa.string()),
        ("event_mode", pa.string()), ("event_status", pa.string()),
        ("actor_name", pa.string()), ("actor_country", pa.string()),
        ("actor_sector", pa.string()), ("recipient_name", pa.string()),
        ("recipient_country", pa.string()), ("recipient_sector", pa.string()),
        ("placename", pa.string()), ("place_country", pa.string()),
        ("latitude", pa.float64()), ("longitude", pa.float64()),
        ("dates_reported", pa.string()), ("evidence", pa.string()), ("cameo", pa.string()),
        ("score", pa.float64()), ("num_mentions", pa.int32()), ("num_sources", pa.int32()),
        ("source_urls", pa.string()), ("source_documents", pa.string()),
    ]
)  # fmt: skip

GDELT_SCHEMA = pa.schema(
    [
        ("GLOBALEVENTID", pa.int64()), ("SQLDATE", pa.int32()), ("MonthYear", pa.int32()),
        ("Year", pa.int32()), ("FractionDate", pa.float64()),
        ("Actor1Code", pa.string()), ("Actor1Name", pa.string()),
        ("Actor1CountryCode", pa.string()), ("Actor1Type1Code", pa.string()),
        ("Actor2Code", pa.string()), ("Actor2Name", pa.string()),
        ("Actor2CountryCode", pa.string()), ("Actor2Type1Code", pa.string()),
        ("IsRootEvent", pa.int32()), ("EventCode", pa.string()), ("EventBaseCode", pa.string()),
        ("EventRootCode", pa.string()), ("QuadClass", pa.int32()),
        ("GoldsteinScale", pa.float64()), ("NumMentions", pa.int32()),
        ("NumSources", pa.int32()), ("NumArticles", pa.int32()),
        ("ActionGeo_Type", pa.int32()), ("ActionGeo_FullName", pa.string()),
        ("ActionGeo_CountryCode", pa.string()), ("ActionGeo_Lat", pa.float64()),
        ("ActionGeo_Long", pa.float64()), ("SOURCEURL", pa.string()),
    ]
)  # fmt: skip


def _joined(values: list[str | None]) -> str | None:
    kept = [v for v in values if v]
    return "; ".join(dict.fromkeys(kept)) if kept else None


def polecat_row(e: StoredEvent) -> dict[str, Any]:
    place = e.place
    return {
        "event_id": e.id, "event_date": e.date, "event_type": e.type, "event_mode": e.mode,
        "event_status": e.status,
        "actor_name": _joined([a.name for a in e.actor]),
        "actor_country": _joined([a.country for a in e.actor]),
        "actor_sector": _joined([a.sector for a in e.actor]),
        "recipient_name": _joined([r.name for r in e.recipient]),
        "recipient_country": _joined([r.country for r in e.recipient]),
        "recipient_sector": _joined([r.sector for r in e.recipient]),
        "placename": place.name if place else None,
        "place_country": place.country if place else None,
        "latitude": place.lat if place else None, "longitude": place.lon if place else None,
        "dates_reported": _joined(list(e.dates_reported)), "evidence": e.evidence,
        "cameo": e.cameo, "score": e.score, "num_mentions": e.num_mentions,
        "num_sources": e.num_sources,
        "source_urls": _joined([s.url for s in e.sources]),
        "source_documents": _joined([s.name for s in e.sources]),
    }  # fmt: skip


def gdelt_row(e: StoredEvent) -> dict[str, Any]:
    day = e.date if e.date and len(e.date) == 10 and e.date[0] != "-" else None
    year = int(e.date[:4]) if e.date and e.date[:4].isdigit() else None
    month = int(e.date[:4] + e.date[5:7]) if e.date and len(e.date) >= 7 and year else None
    actor1 = e.actor[0] if e.actor else None
    # A two-sided event without recipient (talks): the second actor is Actor2.
    actor2 = e.recipient[0] if e.recipient else (e.actor[1] if len(e.actor) > 1 else None)
    place = e.place
    cameo = e.cameo
    return {
        "GLOBALEVENTID": int(e.id[:15], 16),  # the event id's first 60 bits: stable
        "SQLDATE": int(day.replace("-", "")) if day else None,
        "MonthYear": month,
        "Year": year,
        "FractionDate": _fraction_date(day) if day else None,
        "Actor1Code": _actor_code(actor1), "Actor1Name": actor1.name if actor1 else None,
        "Actor1CountryCode": actor1.country if actor1 else None,
        "Actor1Type1Code": actor1.sector if actor1 else None,
        "Actor2Code": _actor_code(actor2), "Actor2Name": actor2.name if actor2 else None,
        "Actor2CountryCode": actor2.country if actor2 else None,
        "Actor2Type1Code": actor2.sector if actor2 else None,
        "IsRootEvent": 1,
        "EventCode": cameo, "EventBaseCode": cameo[:3] if cameo else None,
        "EventRootCode": cameo[:2] if cameo else None,
        "QuadClass": e.quad_class, "GoldsteinScale": e.score,
        "NumMentions": e.num_mentions, "NumSources": e.num_sources,
        "NumArticles": e.num_articles,
        # GDELT geo types: 1 country, 4 a place within it; 0 none.
        "ActionGeo_Type": (4 if place.lat is not None else 1) if place else 0,
        "ActionGeo_FullName": place.name if place else None,
        "ActionGeo_CountryCode": place.country if place else None,
        "ActionGeo_Lat": place.lat if place else None,
        "ActionGeo_Long": place.lon if place else None,
        "SOURCEURL": e.source_url or next((s.url for s in e.sources if s.url), None),
    }  # fmt: skip


def _actor_code(entity: Any) -> str | None:
    if entity is None:
        return None
    code = (entity.country or "") + (entity.sector or "")
    return code or None


def _fraction_date(day: str) -> float:
    """GDELT's FractionDate: year + (day of year) / 365."""
    from datetime import date

    d = date.fromisoformat(day)
    return round(d.year + d.timetuple().tm_yday / 365, 4)


_PROFILES: dict[str, tuple[pa.Schema, Callable[[StoredEvent], dict[str, Any]]]] = {
    "eventwire": (EVENT_SCHEMA, event_row),
    "polecat": (POLECAT_SCHEMA, polecat_row),
    "gdelt": (GDELT_SCHEMA, gdelt_row),
}


def profile_table(events: list[StoredEvent], profile: str = "eventwire") -> pa.Table:
    """The events as a pyarrow table with the columns of ``profile``."""
    schema = profile_schema(profile)
    if profile == "eventwire":
        return events_table(events)
    row = _PROFILES[profile][1]
    return pa.Table.from_pylist([row(e) for e in events], schema=schema)


def profile_schema(profile: str = "eventwire", *, flat: bool = False) -> pa.Schema:
    """The columns of a profile; ``flat``: as written in CSV (nested columns as JSON text).

    Reading a CSV export back with its types::

        pyarrow.csv.read_csv(path, convert_options=pyarrow.csv.ConvertOptions(
            column_types=profile_schema(profile, flat=True), strings_can_be_null=True))
    """
    if profile not in _PROFILES:
        raise StoreError(f"unknown export profile {profile!r} (choose {', '.join(PROFILES)})")
    schema = _PROFILES[profile][0]
    if not flat:
        return schema
    return pa.schema(
        [pa.field(f.name, pa.string()) if pa.types.is_nested(f.type) else f for f in schema]
    )


def write_table(table: pa.Table, out: Path, fmt: str) -> None:
    """Write ``table`` as csv (nested values as JSON text), jsonl or parquet."""
    with TableWriter(out, fmt, table.schema) as writer:
        writer.write(table)


class TableWriter:
    """Writes a table page by page, so an export never holds the whole database."""

    def __init__(self, out: Path, fmt: str, schema: pa.Schema) -> None:
        if fmt not in FORMATS:
            raise StoreError(f"unknown export format {fmt!r} (choose {', '.join(FORMATS)})")
        self.fmt = fmt
        self._parquet = pq.ParquetWriter(out, schema) if fmt == "parquet" else None
        flat = _flat(schema.empty_table()).schema
        self._csv = pacsv.CSVWriter(out, flat) if fmt == "csv" else None
        self._jsonl = out.open("w", encoding="utf-8") if fmt == "jsonl" else None

    def write(self, table: pa.Table) -> None:
        if self._parquet is not None:
            self._parquet.write_table(table)
        elif self._csv is not None:
            self._csv.write_table(_flat(table))
        elif self._jsonl is not None:
            for record in table.to_pylist():
                self._jsonl.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self) -> None:
        for writer in (self._parquet, self._csv, self._jsonl):
            if writer is not None:
                writer.close()

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _flat(table: pa.Table) -> pa.Table:
    """Nested columns (lists, structs) as JSON text: CSV has no nesting."""
    columns = []
    for name in table.column_names:
        column = table.column(name)
        if pa.types.is_nested(column.type):
            texts = [None if v is None else json.dumps(v, ensure_ascii=False)
                     for v in column.to_pylist()]  # fmt: skip
            column = pa.chunked_array([pa.array(texts, pa.string())])
        columns.append(column)
    return pa.table(columns, names=table.column_names)


def export_events(
    db_path: Path | str,
    out: Path | str,
    fmt: str | None = None,
    profile: str = "eventwire",
    **filters: Any,
) -> int:
    """Export the events (``filters`` as ``Database.events``) to ``out``; the number written.

    ``fmt`` defaults to the file's extension (.csv, .jsonl, .parquet).
    """
    out = Path(out)
    fmt = fmt or out.suffix.lstrip(".").lower()
    if fmt not in FORMATS:
        raise StoreError(f"{out}: say --format {'|'.join(FORMATS)} (or use that extension)")
    if not Path(db_path).exists():
        raise StoreError(f"{db_path}: no such database (run eventwire ingest first)")
    with Database(db_path) as db, TableWriter(out, fmt, profile_schema(profile)) as writer:
        return _export_pages(db, writer, profile, filters)


def _export_pages(
    db: Database, writer: TableWriter, profile: str, filters: dict[str, Any]
) -> int:
    limit = filters.pop("limit", None)
    written = 0
    # One read transaction: the pages are one consistent state of the database.
    with snapshot(db.reader):
        while limit is None or written < limit:
            size = EXPORT_PAGE if limit is None else min(EXPORT_PAGE, limit - written)
            page = db.events(**filters, limit=size, offset=written)
            if not page:
                break
            writer.write(profile_table(page, profile))
            written += len(page)
    return written
