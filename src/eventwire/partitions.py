"""Parquet partitions: the documents and events one Dask task produced, written atomically.

A partition is a folder ``part-NNNNN`` holding ``documents.parquet`` (one row
per document read, in reading order), ``events.parquet`` (one row per event,
``doc_row`` pointing at its document's row), ``skipped.parquet`` (sources that
could not be read or cleaned) and ``_SUCCESS`` (the counts, written last).

The folder is built under a hidden temporary name and renamed into place only
when complete, so a reader (``load_parquet``) sees a whole partition or none:
a task killed half-way leaves only a ``.part-*.tmp-*`` folder, which readers
ignore and the next attempt removes.

Flat columns (id, lang, type, countries...) are for people who query the
folder with DuckDB or pandas; the ``document`` and ``event`` columns hold the
whole dataclass as JSON, so that loading rebuilds exactly what was coded.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.document import Dateline, Document, Metadata, OffsetMap, Part, Skipped
from eventwire.event import Entity, Event, Evidence, Place

SUCCESS = "_SUCCESS"
PREFIX = "part-"

DOCUMENT_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("source", pa.string()),
        ("name", pa.string()),
        ("lang", pa.string()),
        ("published", pa.string()),
        ("parts", pa.int32()),
        ("coded", pa.bool_()),  # False: coding failed (``error``); stored uncoded
        ("events", pa.int32()),
        ("error", pa.string()),
        ("document", pa.string()),
    ]
)
EVENT_SCHEMA = pa.schema(
    [
        ("doc_row", pa.int64()),
        ("document_id", pa.string()),
        ("idx", pa.int32()),
        ("type", pa.string()),
        ("mode", pa.string()),
        ("status", pa.string()),
        ("date", pa.string()),
        ("actor", pa.string()),  # countries, "|"-joined
        ("recipient", pa.string()),
        ("place", pa.string()),
        ("evidence", pa.string()),
        ("event", pa.string()),
    ]
)
SKIPPED_SCHEMA = pa.schema([("source", pa.string()), ("reason", pa.string())])

_OFFSET_FIELDS = tuple(f.name for f in fields(OffsetMap) if f.name != "text_length")


# -- dataclasses <-> JSON ------------------------------------------------------


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)


def document_json(doc: Document) -> str:
    return _dumps(asdict(doc))


def document_from_json(text: str) -> Document:
    data = json.loads(text)
    data["meta"] = Metadata(**data["meta"])
    data["dateline"] = Dateline(**data["dateline"]) if data.get("dateline") else None
    data["parts"] = [_part(p) for p in data["parts"]]
    return Document(**data)


def _part(data: dict[str, Any]) -> Part:
    offsets = data.pop("offsets")
    tuples = {
        name: tuple(tuple(int(x) for x in item) for item in offsets.get(name, ()))
        for name in _OFFSET_FIELDS
    }
    data["offsets"] = OffsetMap(text_length=offsets["text_length"], **tuples)  # type: ignore[arg-type]
    return Part(**data)


def event_json(event: Event) -> str:
    return _dumps(asdict(event))


def event_from_json(text: str) -> Event:
    data = json.loads(text)
    data["actor"] = [Entity(**e) for e in data["actor"]]
    data["recipient"] = [Entity(**e) for e in data["recipient"]]
    data["place"] = Place(**data["place"]) if data.get("place") else None
    data["evidence"] = Evidence(**data["evidence"])
    return Event(**data)


# -- writing -------------------------------------------------------------------


class PartitionWriter:
    """Rows of one partition, streamed into Parquet files in a temporary folder."""

    def __init__(self, out_dir: Path, index: int) -> None:
        self.final = out_dir / f"{PREFIX}{index:05d}"
        self.tmp = out_dir / f".{PREFIX}{index:05d}.tmp-{uuid.uuid4().hex[:8]}"
        self.tmp.mkdir(parents=True)
        self.documents = pq.ParquetWriter(self.tmp / "documents.parquet", DOCUMENT_SCHEMA)
        self.events = pq.ParquetWriter(self.tmp / "events.parquet", EVENT_SCHEMA)
        self.skipped: list[Skipped] = []
        self.rows = 0
        self.event_rows = 0

    def write(self, coded: list[tuple[Document, list[Event] | None, str | None]]) -> None:
        """Append documents (with events, or None and the coding error): one row group."""
        docs: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        for doc, doc_events, error in coded:
            doc_id = doc.id
            for i, ev in enumerate(doc_events or []):
                events.append(_event_row(self.rows, doc_id, i, ev))
            docs.append(
                {
                    "id": doc_id,
                    "source": doc.source,
                    "name": doc.name,
                    "lang": doc.lang,
                    "published": doc.meta.published,
                    "parts": len(doc.parts),
                    "coded": doc_events is not None,
                    "events": len(doc_events or []),
                    "error": error,
                    "document": document_json(doc),
                }
            )
            self.rows += 1
        self.event_rows += len(events)
        self.documents.write_table(pa.Table.from_pylist(docs, DOCUMENT_SCHEMA))
        if events:
            self.events.write_table(pa.Table.from_pylist(events, EVENT_SCHEMA))

    def commit(self, manifest: dict[str, Any]) -> Path:
        """Close the files and move the folder into place, replacing an older copy whole."""
        self._close()
        rows = [{"source": s.source, "reason": s.reason} for s in self.skipped]
        pq.write_table(pa.Table.from_pylist(rows, SKIPPED_SCHEMA), self.tmp / "skipped.parquet")
        manifest = {**manifest, "documents": self.rows, "events": self.event_rows}
        (self.tmp / SUCCESS).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        _fsync_dir(self.tmp)
        old = None
        if self.final.exists():  # a rerun: the old copy leaves only once the new one is whole
            old = self.final.with_name(f".{self.final.name}.old-{uuid.uuid4().hex[:8]}")
            os.rename(self.final, old)
        os.rename(self.tmp, self.final)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return self.final

    def abort(self) -> None:
        """Remove the temporary folder (the task failed: Dask may run it again)."""
        try:
            self._close()
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def _close(self) -> None:
        self.documents.close()
        self.events.close()


def _event_row(doc_row: int, doc_id: str, idx: int, ev: Event) -> dict[str, Any]:
    return {
        "doc_row": doc_row,
        "document_id": doc_id,
        "idx": idx,
        "type": ev.type,
        "mode": ev.mode,
        "status": ev.status,
        "date": ev.date,
        "actor": "|".join(e.country or "" for e in ev.actor),
        "recipient": "|".join(e.country or "" for e in ev.recipient),
        "place": ev.place.name if ev.place else None,
        "evidence": ev.evidence.text,
        "event": event_json(ev),
    }


def _fsync_dir(folder: Path) -> None:
    # The rename must not reach the disk before the files it publishes.
    for path in folder.iterdir():
        with open(path, "rb") as fh:
            os.fsync(fh.fileno())


# -- reading -------------------------------------------------------------------


def complete_partitions(out_dir: Path) -> list[Path]:
    """Finished partitions, in index order (temporary and unfinished folders ignored)."""
    return sorted(
        p
        for p in out_dir.glob(f"{PREFIX}*")
        if p.is_dir() and p.name[len(PREFIX) :].isdigit() and (p / SUCCESS).is_file()
    )


def read_partition(
    folder: Path, batch_rows: int = 64
) -> Iterator[list[tuple[Document, list[Event] | None]]]:
    """Batches of (document, events or None when uncoded), in the partition's order."""
    by_row: dict[int, list[Event]] = {}
    for batch in pq.ParquetFile(folder / "events.parquet").iter_batches(
        columns=["doc_row", "event"]
    ):
        for row, text in zip(batch.column(0).to_pylist(), batch.column(1).to_pylist(), strict=True):
            by_row.setdefault(row, []).append(event_from_json(text))
    row = 0
    parquet = pq.ParquetFile(folder / "documents.parquet")
    for batch in parquet.iter_batches(batch_size=batch_rows, columns=["coded", "document"]):
        out: list[tuple[Document, list[Event] | None]] = []
        for coded, text in zip(
            batch.column(0).to_pylist(), batch.column(1).to_pylist(), strict=True
        ):
            out.append((document_from_json(text), by_row.pop(row, []) if coded else None))
            row += 1
        yield out


def read_skipped(folder: Path) -> list[Skipped]:
    table = pq.read_table(folder / "skipped.parquet")
    return [Skipped(r["source"], r["reason"]) for r in table.to_pylist()]
