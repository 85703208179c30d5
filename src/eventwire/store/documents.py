"""Documents and parts to rows and back.

Writing functions take a connection inside a transaction opened by the
writer (see database.Writer); reading functions take any connection.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import fields

from eventwire.document import Dateline, Document, Metadata, OffsetMap, Part

_DOCUMENT_COLUMNS = (
    "id, source, name, format, url, title, published, meta_lang, lang, lang_score, has_dateline, "
    "dateline_place, dateline_date_text, dateline_agency, dateline_date, raw, ingested_at"
)
_SOURCE_COLUMNS = "document_id, source, name, format, url, title, published, meta_lang, ingested_at"
_PART_COLUMNS = "document_id, idx, kind, teaser, text, text_length, offsets, raw_start, raw_end"

# The dataclass fields these rows save. tests/test_store.py checks them
# against document.py, so a field added there cannot be lost here unnoticed:
# it needs a migration adding its column.
STORED_FIELDS = {
    "Document": {"source", "name", "raw", "meta", "parts", "lang", "lang_score", "dateline",
                 "format"},
    "Metadata": {"title", "url", "published", "lang"},
    "Dateline": {"place", "date_text", "agency", "date"},
    "Part": {"kind", "text", "offsets", "teaser"},
}  # fmt: skip


def _placeholders(columns: str) -> str:
    return ", ".join("?" for _ in columns.split(","))


# Every OffsetMap field but text_length (a column of its own) is a tuple of
# integer tuples: runs, gaps, and whatever the clean stage adds later, so
# the map is stored whole without this module naming each field.
_OFFSET_FIELDS = tuple(f.name for f in fields(OffsetMap) if f.name != "text_length")


def offsets_json(offsets: OffsetMap) -> str:
    """``{"runs": [[text_start, raw_start, length], ...], "gaps": [...]}``; empty gaps left out."""
    data = {name: [list(item) for item in getattr(offsets, name)] for name in _OFFSET_FIELDS}
    kept = {name: items for name, items in data.items() if items or name == "runs"}
    return json.dumps(kept, separators=(",", ":"))


def offsets_from_json(text: str, text_length: int) -> OffsetMap:
    data = json.loads(text)
    tuples = {
        name: tuple(tuple(int(x) for x in item) for item in items) for name, items in data.items()
    }
    return OffsetMap(text_length=text_length, **tuples)  # type: ignore[arg-type]


def teaser_units(parts: list[Part]) -> int:
    """Teasers in a document: distinct teaser numbers (as report.py counts them)."""
    return len({p.teaser for p in parts if p.teaser is not None})


def insert_document(conn: sqlite3.Connection, doc: Document, now: str) -> bool:
    """Store ``doc`` with its parts; False when its text is already stored.

    The document row and its parts go in the caller's transaction, so a
    document is never visible without its parts. The caller records the
    source with ``add_source``.
    """
    doc_id = doc.id  # a hash of the whole text: computed once, not once a part
    dl = doc.dateline or Dateline()
    row = (
        doc_id, doc.source, doc.name, doc.format, doc.meta.url, doc.meta.title,
        doc.meta.published, doc.meta.lang, doc.lang, doc.lang_score, doc.dateline is not None,
        dl.place, dl.date_text, dl.agency, dl.date, doc.raw, now,
    )  # fmt: skip
    cur = conn.execute(
        f"INSERT OR IGNORE INTO documents ({_DOCUMENT_COLUMNS}) "
        f"VALUES ({_placeholders(_DOCUMENT_COLUMNS)})",
        row,
    )
    new = cur.rowcount == 1
    if new:
        conn.executemany(
            f"INSERT INTO parts ({_PART_COLUMNS}) VALUES ({_placeholders(_PART_COLUMNS)})",
            (_part_row(doc_id, i, p) for i, p in enumerate(doc.parts)),
        )
    return new


def _part_row(doc_id: str, idx: int, part: Part) -> tuple[object, ...]:
    raw_start, raw_end = part.offsets.span_to_raw(0, part.offsets.text_length)
    return (
        doc_id, idx, part.kind, part.teaser, part.text, part.offsets.text_length,
        offsets_json(part.offsets), raw_start, raw_end,
    )  # fmt: skip


def add_source(conn: sqlite3.Connection, doc: Document, now: str) -> bool:
    """Record that ``doc``'s text was read from ``doc.source``; False if already known."""
    cur = conn.execute(
        f"INSERT OR IGNORE INTO document_sources ({_SOURCE_COLUMNS}) "
        f"VALUES ({_placeholders(_SOURCE_COLUMNS)})",
        (
            doc.id, doc.source, doc.name, doc.format, doc.meta.url, doc.meta.title,
            doc.meta.published, doc.meta.lang, now,
        ),
    )  # fmt: skip
    return cur.rowcount == 1


def has_document(conn: sqlite3.Connection, doc_id: str) -> bool:
    return conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None


def select_documents(
    conn: sqlite3.Connection, where: str = "", params: tuple[object, ...] = ()
) -> Iterator[Document]:
    """Documents (with their parts) matching ``where``, ordered by id."""
    sql = f"SELECT {_DOCUMENT_COLUMNS} FROM documents {where} ORDER BY id"
    # Lazily, row by row: a database may hold more text than memory.
    for row in conn.execute(sql, params):
        yield _document_from_row(conn, row)


def _document_from_row(conn: sqlite3.Connection, row: tuple) -> Document:  # type: ignore[type-arg]
    (doc_id, source, name, fmt, url, title, published, meta_lang, lang, lang_score,
     has_dateline, place, date_text, agency, date, raw, _ingested_at) = row  # fmt: skip
    dateline = Dateline(place, date_text, agency, date) if has_dateline else None
    return Document(
        source=source,
        name=name,
        raw=raw,
        meta=Metadata(title=title, url=url, published=published, lang=meta_lang),
        parts=select_parts(conn, doc_id),
        lang=lang,
        lang_score=lang_score,
        dateline=dateline,
        format=fmt,
    )


def select_parts(conn: sqlite3.Connection, doc_id: str) -> list[Part]:
    rows = conn.execute(
        "SELECT kind, text, offsets, text_length, teaser FROM parts "
        "WHERE document_id = ? ORDER BY idx",
        (doc_id,),
    )
    return [
        Part(kind, text, offsets_from_json(offsets, length), teaser)
        for kind, text, offsets, length, teaser in rows
    ]
