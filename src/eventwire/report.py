"""How documents and events are shown to people (Rich tables) and machines (JSON)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich.table import Table

from eventwire.document import Document


def document_json(doc: Document, raw: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": doc.id,
        "doc": doc.name,
        "source": doc.source,
        "format": doc.format,
        "lang": doc.lang,
        "title": doc.meta.title,
        "url": doc.meta.url,
        "published": doc.meta.published,
        "dateline": vars(doc.dateline) if doc.dateline else None,
        "parts": [
            {"kind": p.kind, "teaser": p.teaser, "text": p.text}
            for p in doc.parts
        ],
    }
    if raw:
        data["raw"] = doc.raw
    return data


def read_table() -> Table:
    table = Table(title="Documents read")
    for column in ("doc", "lang", "published", "title", "parts", "teasers"):
        table.add_column(column, overflow="fold")
    return table


def document_table_row(doc: Document) -> list[str]:
    kinds = Counter(p.kind for p in doc.parts)
    body = ", ".join(f"{k} {n}" for k, n in kinds.items() if not k.startswith("teaser"))
    teasers = len({p.teaser for p in doc.parts if p.teaser is not None})
    title = next((p.text for p in doc.parts if p.kind == "title"), doc.meta.title or "")
    return [
        doc.name,
        doc.lang or "?",
        doc.meta.published or "",
        title[:70],
        body,
        str(teasers),
    ]


def _entities(entities: list[dict[str, Any]]) -> str:
    return "; ".join(
        "/".join(x for x in (e.get("country"), e.get("sector")) if x)
        + (f" {e['name']}" if e.get("name") else "")
        for e in entities
    )


def events_table(records: list[dict[str, Any]]) -> Table:
    """One line an event, readable in a terminal."""
    table = Table(title="Events")
    for column in ("doc", "type", "mode", "actor", "recipient", "date", "place", "status", "evidence"):
        table.add_column(column, overflow="fold")
    for record in records:
        for e in record["events"]:
            date = e["date"] or ""
            if e.get("date_end"):
                date += f"..{e['date_end']}"
            place = e["place"]["name"] if e.get("place") else ""
            table.add_row(
                record["doc"],
                e["type"],
                e.get("mode") or "",
                _entities(e["actor"]),
                _entities(e["recipient"]),
                date,
                place,
                e["status"] + (" (teaser)" if e["part"] == "teaser" else ""),
                e["evidence"][:90],
            )
    return table
